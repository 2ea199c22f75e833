import sys

from xlbo.entry import run

sys.exit(run())
