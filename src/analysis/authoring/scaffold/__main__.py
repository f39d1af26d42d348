from analysis.authoring.scaffold import main

raise SystemExit(main())
