"""The baseline for scan_speed.py: a plain Python loop that reads lines and writes them."""

import sys

out = sys.stdout.buffer
for line in sys.stdin.buffer:
    out.write(line)
