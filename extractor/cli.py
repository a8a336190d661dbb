"""Command-line interface (filled in below)."""


def main() -> int:
    return 0
