#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Writes the seed corpus of fuzz_packet to corpus/packet/ (run from here).

Small, valid-looking SCTP packets covering every chunk type the parser
knows, the parameter types of INIT/INIT ACK and the four actions of
unknown chunks and parameters. The fuzzer takes its unrecognised-parameter
budget from the first half of the checksum field: 64 bytes here.
"""
import os
import struct


def pad(b):
    return b + b"\0" * (-len(b) % 4)


def tlv(t, v=b""):
    return pad(struct.pack("!HH", t, 4 + len(v)) + v)


def chunk(t, v=b"", flags=0):
    return pad(struct.pack("!BBH", t, flags, 4 + len(v)) + v)


def pkt(vtag, *chunks, budget=64):
    return struct.pack("!HHII", 5000, 6000, vtag, budget << 16) + \
        b"".join(chunks)


def init(t, tag, params):
    return chunk(t, struct.pack("!IIHHI", tag, 65536, 10, 10, 1) + params)


def data(tsn, payload, flags=3):
    return chunk(0, struct.pack("!IHHI", tsn, 1, 0, 51) + payload, flags)


SEEDS = {
    "init": pkt(0, init(1, 0x1234, tlv(5, bytes([10, 0, 0, 1])) +
                     tlv(6, bytes(range(16))) + tlv(9, b"\0\0\xea\x60") +
                     tlv(12, b"\0\5\0\6") + tlv(0x8000) +
                     tlv(0xc000) + tlv(0x8008, b"\x82\xc0\xc1") +
                     tlv(0xc006, b"\0\0\0\1") + tlv(0x8002, bytes(32)) +
                     tlv(0x8003, b"\x00\x03") + tlv(0x8004, b"\0\1"))),
    "init_unrec": pkt(0, init(1, 7, tlv(0x8123, b"a") + tlv(0xc123, b"bb") +
                           tlv(0x4123, b"c") + tlv(0x0123))),
    "init_hostname": pkt(0, init(1, 7, tlv(11, b"example.org\0"))),
    "init_ack": pkt(9, init(2, 0x55, tlv(7, bytes(range(40))) +
                         tlv(8, tlv(0x8123, b"x")) + tlv(0x8001, b"\0\0\0\1"))),
    "cookie_echo_data": pkt(9, chunk(10, bytes(range(36))),
                            data(100, b"hello"), data(101, b"", 2)),
    "sack": pkt(9, chunk(3, struct.pack("!IIHHHHHHI", 99, 4096, 2, 1,
                                        2, 3, 6, 7, 90))),
    "heartbeat": pkt(9, chunk(4, tlv(1, bytes(12)))),
    "heartbeat_ack": pkt(9, chunk(5, tlv(1, bytes(12)))),
    "abort": pkt(9, chunk(6, tlv(12, b"bye") + tlv(13), flags=1)),
    "error": pkt(9, chunk(9, tlv(6, chunk(0x7f)) + tlv(3, b"\0\0\0\1"))),
    "shutdown": pkt(9, chunk(7, b"\0\0\0\x63"), chunk(8), chunk(11)),
    "shutdown_complete": pkt(9, chunk(14, flags=1)),
    "ecn": pkt(9, chunk(12, b"\0\0\0\1"), chunk(13, b"\0\0\0\1")),
    "auth_idata": pkt(9, chunk(15, b"\0\0\0\1" + bytes(20)),
                      chunk(64, struct.pack("!IHHII", 5, 1, 0, 1, 51) +
                            b"abc", 2)),
    "asconf": pkt(9, chunk(0xc1, b"\0\0\0\1" + tlv(5, bytes(4)) +
                           tlv(0xc001, b"\0\0\0\2" + tlv(5, bytes(4)))),
                  chunk(0x80, b"\0\0\0\1" + tlv(0xc005, b"\0\0\0\2"))),
    "reconf": pkt(9, chunk(0x82, tlv(13, struct.pack("!IIII", 1, 2, 3, 0)))),
    "fwd_tsn": pkt(9, chunk(0xc0, struct.pack("!IHH", 7, 1, 2)),
                   chunk(0xc2, struct.pack("!IHHI", 7, 1, 0, 2))),
    "pad": pkt(9, chunk(0x84, bytes(9)), chunk(11)),
    "unknown": pkt(9, chunk(0xbf, b"ab"), chunk(0xff), chunk(0x7f, b"c"),
                   chunk(0x3f)),
    "short_tail": pkt(9, chunk(11), chunk(10, b"xyz"))[:-1],
    # more addresses and reports than xsctp_init_info holds
    "init_many": pkt(0, init(1, 7, b"".join(tlv(5, bytes([10, 0, 0, i]))
                                             for i in range(18)) +
                           b"".join(tlv(0xc100 + i, b"u" * i)
                                    for i in range(18))), budget=0xffff),
}

if __name__ == "__main__":
    out = "corpus/packet"
    os.makedirs(out, exist_ok=True)
    for name, b in SEEDS.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(b)
