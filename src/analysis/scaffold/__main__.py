from analysis.scaffold import main

raise SystemExit(main())
