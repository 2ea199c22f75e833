import sys

from xlbo.cli import main

sys.exit(main())
