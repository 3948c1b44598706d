from rag.cli.ingest import main

raise SystemExit(main())
