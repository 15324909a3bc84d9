"""``python -m errlookup`` runs the same entry point as the console script."""

from errlookup.entry import main

if __name__ == "__main__":
    main()
