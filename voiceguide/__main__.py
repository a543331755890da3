"""Allows ``python -m voiceguide``."""

try:
    from voiceguide.cli.main import main
except KeyboardInterrupt:  # Ctrl-C while the program is still loading: no traceback either
    import sys

    print("\nInterrompu.", file=sys.stderr)
    raise SystemExit(130) from None

raise SystemExit(main())
