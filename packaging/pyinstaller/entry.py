"""The frozen application's entry point: `reviewer` inside the PyInstaller bundle."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the import pool spawns workers from this executable
    from reviewer.cli import main

    sys.exit(main())
