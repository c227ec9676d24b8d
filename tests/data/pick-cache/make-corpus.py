#!/usr/bin/env python3
# make-corpus.py — writes the damaged pick-map files test-pick-cache refuses, and one it takes.
#
# Copyright 2026 The Psoas Atlas developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every file claims to be the pick map of tests/data/diagrams/overlap.svg (200 × 100 pixels,
# 3 regions); most carry its true size and checksum, so the reader has to look past the header
# to refuse them. The format is documented at the top of src/core/atlas-pick-cache.c.
# Run from this folder: ./make-corpus.py
import os
import struct

M64 = (1 << 64) - 1
here = os.path.dirname(os.path.abspath(__file__))
svg = open(os.path.join(here, '..', 'diagrams', 'overlap.svg'), 'rb').read()
WIDTH, HEIGHT, REGIONS = 200, 100, 3


def checksum(data):
    """atlas_pick_cache_checksum(), step for step."""
    h = 0x9e3779b97f4a7c15 ^ len(data)
    i = 0
    while i + 8 <= len(data):
        word = struct.unpack_from('<Q', data, i)[0]
        h ^= (word * 0xff51afd7ed558ccd) & M64
        h = ((((h << 27) | (h >> 37)) & M64) * 0xc4ceb9fe1a85ec53 + 0x52dce729) & M64
        i += 8
    for b in data[i:]:
        h = ((h ^ b) * 0x100000001b3) & M64
    h ^= h >> 33
    h = (h * 0xff51afd7ed558ccd) & M64
    h ^= h >> 33
    h = (h * 0xc4ceb9fe1a85ec53) & M64
    h ^= h >> 33
    return h


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7f
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def header(magic=b'ATLPICK\n', version=1, width=WIDTH, height=HEIGHT, regions=REGIONS,
           size=len(svg), reserved=0, check=None):
    return magic + struct.pack('<IIIIIIQ', version, width, height, regions, size, reserved,
                               checksum(svg) if check is None else check)


def run(value, length):
    return varint(value) + varint(length)


empty_row = run(0, WIDTH)
rows = empty_row * HEIGHT

corpus = {
    'empty.pick': b'',
    'truncated-header.pick': header()[:23],
    'bad-magic.pick': header(magic=b'ATLPICK\r') + rows,
    'other-version.pick': header(version=2) + rows,
    'wrong-checksum.pick': header(check=checksum(svg) ^ 1) + rows,
    'wrong-svg-size.pick': header(size=len(svg) + 1) + rows,
    'reserved-set.pick': header(reserved=7) + rows,
    'wrong-width.pick': header(width=WIDTH + 1) + run(0, WIDTH + 1) * HEIGHT,
    'wrong-height.pick': header(height=HEIGHT - 1) + empty_row * (HEIGHT - 1),
    'wrong-region-count.pick': header(regions=REGIONS + 1) + rows,
    'huge-width.pick': header(width=0xffffffff, height=0xffffffff) + rows,
    'row-too-long.pick': header() + run(1, WIDTH + 1) + empty_row * (HEIGHT - 1),
    'run-past-row-end.pick': header() + run(1, 150) + run(2, 51) + empty_row * (HEIGHT - 1),
    'row-too-short.pick': header() + run(1, WIDTH - 1) + empty_row * HEIGHT,
    'zero-length-run.pick': header() + run(1, 0) + rows,
    'value-too-large.pick': header() + run(REGIONS + 1, WIDTH) + empty_row * (HEIGHT - 1),
    'huge-value.pick': header() + varint(0xffffffff) + varint(WIDTH) + empty_row * (HEIGHT - 1),
    'varint-too-long.pick': header() + b'\xff\xff\xff\xff\xff\x01' + varint(WIDTH) + empty_row * (HEIGHT - 1),
    'varint-past-32-bits.pick': header() + b'\x80\x80\x80\x80\x10' + varint(WIDTH) + empty_row * (HEIGHT - 1),
    'huge-length.pick': header() + run(1, 0xffffffff) + empty_row * (HEIGHT - 1),
    'truncated-rows.pick': header() + empty_row * (HEIGHT // 2),
    'truncated-in-varint.pick': header() + empty_row * (HEIGHT - 1) + varint(0) + b'\x80',
    'trailing-data.pick': header() + rows + b'\x00',
}

# The one good file: the right header and no region anywhere. The test takes it, which shows the
# others are refused for what is wrong with them and not for a checksum computed differently.
corpus['control-valid.pick'] = header() + rows

for name, data in corpus.items():
    with open(os.path.join(here, name), 'wb') as f:
        f.write(data)
