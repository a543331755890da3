"""The command line: options, exit codes and French messages; the run wiring."""
