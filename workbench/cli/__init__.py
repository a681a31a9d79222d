"""``workbench-cli``: headless commands over scenario files (one module per subcommand)."""
