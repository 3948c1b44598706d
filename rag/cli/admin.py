"""``rag-admin`` / ``python -m rag.cli.admin``: accounts and the audit trail, on the server.

    rag-admin users add alice --role admin            # the first admin (asks for the password twice)
    rag-admin users add bob@vss.gov.vn --role editor --sso   # a single-sign-on user's role
    rag-admin users list | role NAME ROLE | password NAME | disable NAME | enable NAME | remove NAME
    rag-admin audit verify                            # check the audit trail's hash chain

Whoever runs it acts as the operating-system user (recorded in the audit trail): access to this
command is access to the server's files, so it needs no sign-in. ``--password-stdin`` reads the
password from the first line of standard input (for scripts).
"""
from __future__ import annotations

import argparse
import getpass
import json
import sys

from ..security import admin
from ..security.roles import Role
from ..security.users import AccountError, UserStore
from ..text.i18n import t
from .common import audit_trail, cli_user, fail, settings_from_args


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="rag-admin", description="Manage the app's user accounts and check the "
                                "audit trail (settings: RAG_SECURITY_DIR, RAG_AUDIT_FILE, RAG_STORE_DIR).")
    p.add_argument("--store", dest="store_dir", help="store folder (the accounts live beside it; RAG_STORE_DIR)")
    p.add_argument("--security-dir", help="folder of the accounts and conversations (RAG_SECURITY_DIR)")
    sub = p.add_subparsers(dest="what", required=True)
    users = sub.add_parser("users", help="user accounts").add_subparsers(dest="cmd", required=True)
    add = users.add_parser("add", help="add an account (a local one asks for its password)")
    add.add_argument("name")
    add.add_argument("--role", choices=[r.value for r in Role], default="reader")
    add.add_argument("--display", default="", help="full name shown in the app")
    add.add_argument("--sso", action="store_true", help="a single-sign-on user (NAME is their e-mail address)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    users.add_parser("list", help="list the accounts").add_argument("--json", action="store_true")
    role = users.add_parser("role", help="change an account's role")
    role.add_argument("name")
    role.add_argument("role", choices=[r.value for r in Role])
    pw = users.add_parser("password", help="set a new password")
    pw.add_argument("name")
    pw.add_argument("--password-stdin", action="store_true")
    for cmd in ("disable", "enable", "remove"):
        users.add_parser(cmd, help=f"{cmd} an account").add_argument("name")
    audit = sub.add_parser("audit", help="the audit trail").add_subparsers(dest="cmd", required=True)
    audit.add_parser("verify", help="check the hash chain (exit 1 when broken)")
    return p


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise fail("the two passwords differ: nothing was changed")
    return first


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    settings = settings_from_args(argparse.Namespace(store_dir=args.store_dir, security_dir=args.security_dir))
    trail = audit_trail(settings)
    if args.what == "audit":
        check = trail.verify()
        print(f"{trail.path}: " + (f"hash chain intact ({check.entries} entries)" if check.ok else
                                   f"HASH CHAIN BROKEN at line {check.broken_at}: {check.reason}"))
        return 0 if check.ok else 1
    users = UserStore(settings.security_path, settings.login_max_failures, settings.login_lock_minutes)
    me = cli_user()
    try:
        if args.cmd == "list":
            rows = users.accounts()
            if args.json:
                print(json.dumps([{"name": a.name, "role": a.role.value, "display": a.display, "sso": a.sso,
                                   "disabled": a.disabled, "last_login": a.last_login} for a in rows], indent=2))
            for a in [] if args.json else rows:
                state = "disabled" if a.disabled else "locked" if a.locked_until else "active"
                print(f"{a.name}\t{a.role.value}\t{'sso' if a.sso else 'local'}\t{state}\t{a.display}")
            return 0
        if args.cmd == "add":
            password = None if args.sso else read_password(args.password_stdin)
            a = admin.add_account(users, trail, me, args.name, args.role, password, args.display, args.sso)
            print(f"added {a.name} ({a.role.value}, {'single sign-on' if a.sso else 'local account'}) "
                  f"in {users.path}")
        elif args.cmd == "role":
            a = admin.set_role(users, trail, me, args.name, args.role)
            print(f"{a.name} is now {a.role.value}")
        elif args.cmd == "password":
            admin.set_password(users, trail, me, args.name, read_password(args.password_stdin))
            print(f"new password set for {args.name}")
        elif args.cmd in ("disable", "enable"):
            admin.set_disabled(users, trail, me, args.name, args.cmd == "disable")
            print(f"{args.name} {args.cmd}d")
        elif args.cmd == "remove":
            admin.remove_account(users, trail, me, args.name)
            print(f"removed {args.name}")
    except AccountError as exc:
        raise fail(t(f"account_{exc.code}", "en", name=exc.params.get("name", args.name), until=exc.params.get(
            "until", ""))) from None
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
