"""One module per subcommand: ``register(subparsers, common)`` adds it, ``run(args)`` runs it."""
