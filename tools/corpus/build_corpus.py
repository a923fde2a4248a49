#!/usr/bin/env python3
"""Build the multilingual PII test corpus.

Reads   tests/Nonprofit.Privacy.Tests/Corpus/source.txt
Writes  tests/Nonprofit.Privacy.Tests/Corpus/multilingual.jsonl

source.txt has one case per line, ``lang<TAB>text``, where personal data is marked up as
``[[TYPE:value]]``.  Lines starting with ``#`` and blank lines are ignored.  The output has one JSON
object per line::

    {"id": 1, "lang": "fr", "text": "...", "spans": [{"start": 13, "end": 27, "type": "PERSON"}]}

``start``/``end`` are UTF-16 code unit offsets (end exclusive) into ``text`` (the markup removed), so
they index .NET strings directly.

Every marked-up value is validated before anything is written: checksum-bearing identifiers with a
plain implementation of their algorithm (Luhn, mod 97, mod 11, mod 23, Verhoeff, Base58Check, Bech32,
CPF, NIR key, ...), phone numbers against the libphonenumber patterns of the regions the corpus uses,
and the rest against simple format rules.  Any invalid value, unknown type or malformed line makes the
script print every problem and exit with status 1, and nothing is written.

Usage:
    python3 tools/corpus/build_corpus.py           # validate and (re)write multilingual.jsonl
    python3 tools/corpus/build_corpus.py --check   # validate; exit 1 if multilingual.jsonl is stale
    python3 tools/corpus/build_corpus.py --warn    # also list unmarked digit runs that look like PII

Standard library only.
"""

from __future__ import annotations

import calendar
import hashlib
import ipaddress
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS_DIR = REPO / "tests" / "Nonprofit.Privacy.Tests" / "Corpus"
SOURCE = CORPUS_DIR / "source.txt"
OUTPUT = CORPUS_DIR / "multilingual.jsonl"

LANGS = ("en", "fr", "es", "pt", "sw", "hi-Latn", "hi")

TYPES = (
    "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "SWIFT_CODE", "CRYPTO",
    "IP_ADDRESS", "MAC_ADDRESS", "URL", "GPS_COORDINATES", "STREET_ADDRESS", "LOCATION", "POSTAL_CODE",
    "DATE_OF_BIRTH", "AGE", "US_SSN", "UK_NINO", "UK_NHS", "FR_NIR", "ES_DNI", "ES_NIE", "BR_CPF",
    "IN_AADHAAR", "IN_PAN", "KE_NATIONAL_ID", "KE_KRA_PIN", "NG_NIN", "ZA_ID", "PASSPORT",
)

MARKUP = re.compile(r"\[\[([A-Z][A-Z0-9_]*):(.*?)\]\]")

DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


class Invalid(Exception):
    """A marked-up value that fails its type's validation."""


def digits_of(value: str, allowed: str = " -") -> str:
    """The digits of value, which may contain only digits and the allowed separators."""
    value = value.translate(DEVANAGARI_DIGITS)
    bad = {c for c in value if not c.isdigit() and c not in allowed}
    if bad:
        raise Invalid(f"unexpected characters {''.join(sorted(bad))!r}")
    return "".join(c for c in value if c.isdigit())


# ---------------------------------------------------------------------------------------------------
# Checksums
# ---------------------------------------------------------------------------------------------------

def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)


def verhoeff_ok(number: str) -> bool:
    c = 0
    for i, ch in enumerate(reversed(number)):
        c = VERHOEFF_D[c][VERHOEFF_P[i % 8][int(ch)]]
    return c == 0


def mod97(text: str) -> int:
    """Alphanumeric string mod 97 with letters as 10..35 (ISO 7064 as used by IBAN)."""
    return int("".join(str(int(c, 36)) for c in text)) % 97


B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58check_payload(address: str) -> bytes:
    n = 0
    for ch in address:
        if ch not in B58_ALPHABET:
            raise Invalid(f"{ch!r} is not a Base58 character")
        n = n * 58 + B58_ALPHABET.index(ch)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    raw = b"\x00" * (len(address) - len(address.lstrip("1"))) + raw
    if len(raw) < 5:
        raise Invalid("too short")
    payload, check = raw[:-4], raw[-4:]
    if hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] != check:
        raise Invalid("Base58Check checksum mismatch")
    return payload


BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
BECH32_CONST, BECH32M_CONST = 1, 0x2BC830A3


def bech32_polymod(values: list[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def bech32_hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def convertbits(data: list[int], frombits: int, tobits: int, pad: bool) -> list[int] | None:
    acc = bits = 0
    out = []
    maxv = (1 << tobits) - 1
    for value in data:
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & maxv)
    if pad:
        if bits:
            out.append((acc << (tobits - bits)) & maxv)
    elif bits >= frombits or ((acc << (tobits - bits)) & maxv):
        return None
    return out


def segwit_decode(address: str) -> tuple[int, bytes]:
    if address.lower() != address and address.upper() != address:
        raise Invalid("mixed case Bech32")
    address = address.lower()
    pos = address.rfind("1")
    hrp, data_part = address[:pos], address[pos + 1:]
    if hrp not in ("bc", "tb") or len(data_part) < 6:
        raise Invalid("not a Bech32 Bitcoin address")
    if any(c not in BECH32_CHARSET for c in data_part):
        raise Invalid("not a Bech32 character")
    data = [BECH32_CHARSET.index(c) for c in data_part]
    const = bech32_polymod(bech32_hrp_expand(hrp) + data)
    witver = data[0]
    if const != (BECH32_CONST if witver == 0 else BECH32M_CONST):
        raise Invalid("Bech32 checksum mismatch")
    program = convertbits(data[1:-6], 5, 8, False)
    if program is None or not 2 <= len(program) <= 40:
        raise Invalid("bad witness program")
    if witver == 0 and len(program) not in (20, 32):
        raise Invalid("bad v0 witness program length")
    return witver, bytes(program)


def bech32_encode_segwit(hrp: str, witver: int, program: bytes) -> str:
    """Encode a segwit address (used by the self-test; kept beside the decoder it mirrors)."""
    data = [witver] + (convertbits(list(program), 8, 5, True) or [])
    const = BECH32_CONST if witver == 0 else BECH32M_CONST
    polymod = bech32_polymod(bech32_hrp_expand(hrp) + data + [0] * 6) ^ const
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32_CHARSET[d] for d in data + checksum)


# ---------------------------------------------------------------------------------------------------
# Phone numbers
# ---------------------------------------------------------------------------------------------------
# National significant number patterns (fixed line, mobile) copied from the metadata of
# libphonenumber-csharp 9.0.43 (Apache License 2.0), the library the detector uses, for the regions the
# corpus draws numbers from.  Region: (country calling code, national trunk prefix, patterns).
PHONE_REGIONS = {
    'US': ('1', '1', (
        # fixed line or mobile
        ('983[2-57-9][0-9]{6}|(?:2(?:0[1-35-9]|1[02-9]|2[03-57-9]|3[1459]|4[08]|5[1-46]|6[0279]|7[0246'
         '9]|8[13])|3(?:0[1-57-9]|1[02-9]|2[013-79]|3[0-24679]|4[167]|5[0-3]|6[01349]|8[056])|4(?:0[12'
         '4-9]|1[02-579]|2[3-5]|3[0245]|4[023578]|58|6[349]|7[02589]|8[04])|5(?:0[1-57-9]|1[0235-8]|20'
         '|3[0149]|4[01]|5[179]|6[1-47]|7[0-5]|8[0256])|6(?:0[1-35-9]|1[024-9]|2[03689]|3[016]|4[0156]'
         '|5[01679]|6[0-279]|78|8[0-269])|7(?:0[1-46-8]|1[2-9]|2[04-8]|3[0-2478]|4[0378]|5[47]|6[02359'
         ']|7[0-59]|8[156])|8(?:0[1-68]|1[02-8]|2[0168]|3[0-2589]|4[03578]|5[046-9]|6[02-5]|7[028])|9('
         '?:0[1346-9]|1[02-9]|2[0589]|3[0146-8]|4[01357-9]|5[12469]|7[0-3589]|8[04-69]))[2-9][0-9]{6}'),
    )),
    'GB': ('44', '0', (
        # fixed line
        ('(?:1(?:1(?:3(?:[0-58][0-9][0-9]|73[0-5])|4(?:(?:[0-5][0-9]|70)[0-9]|69[7-9])|(?:(?:5[0-26-9]'
         '|[78][0-49])[0-9]|6(?:[0-4][0-9]|5[01]))[0-9])|(?:2(?:(?:0[024-9]|2[3-9]|3[3-79]|4[1-689]|[5'
         '8][02-9]|6[0-47-9]|7[013-9]|9[0-9])[0-9]|1(?:[0-7][0-9]|8[0-3]))|(?:3(?:0[0-9]|1[0-8]|[25][0'
         '2-9]|3[02-579]|[468][0-46-9]|7[1-35-79]|9[2-578])|4(?:0[03-9]|[137][0-9]|[28][02-57-9]|4[02-'
         '69]|5[0-8]|[69][0-79])|5(?:0[1-35-9]|[16][0-9]|2[024-9]|3[015689]|4[02-9]|5[03-9]|7[0-35-9]|'
         '8[0-468]|9[0-57-9])|6(?:0[034689]|1[0-9]|2[0-35689]|[38][013-9]|4[1-467]|5[0-69]|6[13-9]|7[0'
         '-8]|9[0-24578])|7(?:0[0246-9]|2[0-9]|3[0236-8]|4[03-9]|5[0-46-9]|6[013-9]|7[0-35-9]|8[024-9]'
         '|9[02-9])|8(?:0[35-9]|2[1-57-9]|3[02-578]|4[0-578]|5[124-9]|6[2-69]|7[0-9]|8[02-9]|9[02569])'
         '|9(?:0[02-589]|[18][0-9]|2[02-689]|3[1-57-9]|4[2-9]|5[0-579]|6[2-47-9]|7[0-24578]|9[2-57]))['
         '0-9])[0-9])|2(?:0[013478]|3[0189]|4[017]|8[0-46-9]|9[0-2])[0-9]{3})[0-9]{4}|1(?:2(?:0(?:46[1'
         '-4]|87[2-9])|545[1-79]|76(?:2[0-9]|3[1-8]|6[1-6])|9(?:7(?:2[0-4]|3[2-5])|8(?:2[2-8]|7[0-47-9'
         ']|8[3-5])))|3(?:6(?:38[2-5]|47[23])|8(?:47[04-9]|64[0157-9]))|4(?:044[1-7]|20(?:2[23]|8[0-9]'
         ')|6(?:0(?:30|5[2-57]|6[1-8]|7[2-8])|140)|8(?:052|87[1-3]))|5(?:2(?:4(?:3[2-79]|6[0-9])|76[0-'
         '9])|6(?:26[06-9]|686))|6(?:06(?:4[0-9]|7[4-79])|295[5-7]|35[34][0-9]|47(?:24|61)|59(?:5[08]|'
         '6[67]|74)|9(?:55[0-4]|77[23]))|7(?:26(?:6[13-9]|7[0-7])|(?:442|688)[0-9]|50(?:2[0-3]|[3-68]2'
         '|76))|8(?:27[56][0-9]|37(?:5[2-5]|8[239])|843[2-58])|9(?:0(?:0(?:6[1-8]|85)|52[0-9])|3583|4('
         '?:66[1-8]|9(?:2[01]|81))|63(?:23|3[1-4])|9561))[0-9]{3}'),
        # mobile
        ('7(?:457[0-57-9]|700[01]|911[028])[0-9]{5}|7(?:[1-3][0-9][0-9]|4(?:[0-46-9][0-9]|5[0-689])|5('
         '?:0[0-8]|[13-9][0-9]|2[0-35-9])|7(?:0[1-9]|[1-7][0-9]|8[02-9]|9[0-689])|8(?:[014-9][0-9]|[23'
         '][0-8])|9(?:[024-9][0-9]|1[02-9]|3[0-689]))[0-9]{6}'),
    )),
    'FR': ('33', '0', (
        # fixed line
        ('(?:26[013-9]|59[1-35-9])[0-9]{6}|(?:[13][0-9]|2[0-57-9]|4[1-9]|5[0-8])[0-9]{7}'),
        # mobile
        ('(?:6(?:[0-24-8][0-9]|3[0-8]|9[589])|7[3-9][0-9])[0-9]{6}'),
    )),
    'ES': ('34', '', (
        # fixed line
        ('96906(?:0[0-8]|1[1-9]|[2-9][0-9])[0-9][0-9]|9(?:69(?:0[0-57-9]|[1-9][0-9])|73(?:[0-8][0-9]|9'
         '[1-9]))[0-9]{4}|(?:400|8(?:[1356][0-9]|[28][0-8]|[47][1-9])|9(?:[135][0-9]|[268][0-8]|4[1-9]'
         '|7[124-9]))[0-9]{6}'),
        # mobile
        ('9(?:6906(?:09|10)|7390[0-9][0-9])[0-9][0-9]|(?:6[0-9]|7[1-48])[0-9]{7}'),
    )),
    'PT': ('351', '', (
        # fixed line
        ('2(?:[12][0-9]|3[1-689]|4[1-59]|[57][1-9]|6[1-35689]|8[1-69]|9[1256])[0-9]{6}'),
        # mobile
        ('6(?:[06]92(?:30|9[0-9])|[35]92(?:[049][0-9]|3[034]))[0-9]{3}|(?:(?:16|6[0356])93|9(?:[1-36]['
         '0-9][0-9]|480))[0-9]{5}'),
    )),
    'BR': ('55', '0', (
        # fixed line
        ('(?:[14689][1-9]|2[12478]|3[1-578]|5[13-5]|7[13-579])[2-5][0-9]{7}'),
        # mobile
        ('(?:[14689][1-9]|2[12478]|3[1-578]|5[13-5]|7[13-579])(?:7|9[0-9])[0-9]{7}'),
    )),
    'KE': ('254', '0', (
        # fixed line
        ('(?:4[245]|5[1-79]|6[01457-9])[0-9]{5,7}|(?:4[136]|5[08]|62)[0-9]{7}|(?:[24]0|66)[0-9]{6,7}'),
        # mobile
        ('(?:1(?:0[0-8]|[18][0-9]|2[014]|3[05-9]|4[0-6])|7[0-9][0-9])[0-9]{6}'),
    )),
    'TZ': ('255', '0', (
        # fixed line
        ('2[2-8][0-9]{7}'),
        # mobile
        ('(?:6[0-35-9]|7[0-9])[0-9]{7}'),
    )),
    'UG': ('256', '0', (
        # fixed line
        ('20(?:(?:24[09]|30[67])[0-9]|6(?:00[0-2]|30[0-4]))[0-9]{3}|(?:20(?:[017][0-9]|2[5-9]|3[1-4]|5'
         '[0-4]|6[15-9])|[34][0-9]{3})[0-9]{5}'),
        # mobile
        ('7(?:28|34)0[0-9]{5}|7(?:[014-8][0-9]|2[01467]|3[0-267]|9[0-589])[0-9]{6}'),
    )),
    'NG': ('234', '0', (
        # fixed line
        ('20(?:[1259][0-9]|3[013-9]|4[1-8]|6[024-689]|7[1-79]|8[2-9])[0-9]{6}'),
        # mobile
        ('(?:702[0-24-9]|819[01])[0-9]{6}|(?:7(?:0[13-9]|[12][0-9])|8(?:0[1-9]|1[0-8])|9(?:0[1-9]|1[0-'
         '6]))[0-9]{7}'),
    )),
    'ZA': ('27', '0', (
        # fixed line
        ('(?:2(?:0330|4302)|52087)0[0-9]{3}|(?:1[0-8]|2[1-378]|3[1-69]|4[0-9]|5[1346-8])[0-9]{7}'),
        # mobile
        ('(?:1(?:3492[0-25]|4495[0235]|549(?:20|5[01]))|4[34]492[01])[0-9]{3}|8[1-4][0-9]{3,7}|(?:2[27'
         ']|47|54)4950[0-9]{3}|(?:1(?:049[2-4]|9[12][0-9][0-9])|(?:50[0-2]|[67][0-9][0-9])[0-9][0-9]|8'
         '(?:5[0-9]{3}|7(?:08[67]|158|28[5-9]|310)))[0-9]{4}|(?:1[6-8]|28|3[2-69]|4[025689]|5[36-8])49'
         '20[0-9]{3}|(?:12|[2-5]1)492[0-9]{4}'),
    )),
    'IN': ('91', '0', (
        # fixed line
        ('(?:2717(?:[2-7][0-9]|95)|6828[235-7][0-9])[0-9]{4}|(?:170[24]|280[13468]|4(?:20[24]|72[2-8])'
         '|552[1-7])[0-9]{6}|(?:271[0-689]|682[0-79]|782[0-6])[2-7][0-9]{5}|(?:2(?:[02][2-79]|90)|3(?:'
         '23|80)|683|79[1-5])[0-9]{7}|(?:11|33|4[04]|80)[2-7][0-9]{7}|(?:342|674|788)(?:[0189][2-7]|[2'
         '-7][0-9])[0-9]{5}|(?:1(?:2[0-249]|3[0-25]|4[145]|[59][14]|6[014]|7[1257]|8[01346])|2(?:1[257'
         ']|3[013]|4[01]|5[0137]|6[0158]|78|8[1568]|9[14])|3(?:26|4[13]|5[34]|6[01489]|7[02-46]|8[159]'
         ')|4(?:1[36]|2[1-47]|3[15]|5[12]|6[0-26-9]|7[014-9]|8[013-57]|9[014-7])|5(?:1[025]|22|[36][25'
         ']|4[28]|[578]1|9[15])|6(?:12|[2-47]1|5[17]|6[13]|80)|7(?:12|2[14]|3[134]|4[47]|5[15]|[67]1)|'
         '8(?:16|2[014]|3[126]|6[136]|7[078]|8[34]|91))[2-7][0-9]{6}|(?:1(?:2[35-8]|3[346-9]|4[236-9]|'
         '[59][0235-9]|6[235-9]|7[34689]|8[257-9])|2(?:1[134689]|3[24-8]|4[2-8]|5[25689]|6[2-4679]|7[3'
         '-79]|8[2-479]|9[235-9])|3(?:01|1[79]|2[1245]|4[5-8]|5[125689]|6[235-7]|7[157-9]|8[2-46-8])|4'
         '(?:1[14578]|2[5689]|3[2-467]|5[4-7]|6[35]|73|8[2689]|9[2389])|5(?:[16][146-9]|2[14-8]|3[1346'
         ']|4[14-69]|5[46]|7[2-4]|8[2-8]|9[246])|6(?:1[1358]|2[2457]|3[2-4]|4[235-7]|5[2-689]|6[24578]'
         '|7[235689]|8[14-6])|7(?:1[013-9]|2[0235-9]|3[2679]|4[1-35689]|5[2-46-9]|[67][02-9]|8[013-7]|'
         '90)|8(?:1[1357-9]|2[235-8]|3[03-57-9]|4[0-24-9]|5[0-9]|6[2457-9]|7[1-6]|8[1256]|9[2-4]))[0-9'
         '][2-7][0-9]{5}'),
        # mobile
        ('(?:6(?:1279|828[01489])|7(?:887[02-9]|9313)|8(?:079[04-9]|(?:84|91)7[02-8]))[0-9]{5}|(?:160['
         '01]|6(?:(?:12|[2-4]1|5[17]|6[13]|80)[0189]|7(?:1[0189]|86))|7(?:1(?:2[0189]|9[0-5])|3(?:2[5-'
         '8]|[34][017-9]|9[016-9])|5(?:[15][017-9]|2[04-9]|9[7-9])|6(?:0[0-47]|1[0-257-9]|2[0-4]|3[19]'
         '|5[4589])|70[0289]|88[089])|8(?:0(?:6[67]|7[02-8])|70[017-9]|84[01489]|91[0-289]))[0-9]{6}|('
         '?:731|8(?:16|2[014]|3[126]|6[136]|7[78]|83))(?:[0189][0-9]|7[02-8])[0-9]{5}|(?:6(?:(?:1[1358'
         ']|2[2457]|3[2-4]|4[235-7]|5[2-689]|6[24578])[0-9]|7(?:[23569][0-9]|4[0189]|8[0-57-9])|8(?:[1'
         '4-6][0-9]|2[0-79]))|7(?:1(?:[013-8][0-9]|9[6-9])|3(?:2[0-49]|9[2-5])|5(?:2[1-3]|9[0-6])|6(?:'
         '0[5689]|2[5-9]|3[02-8]|4[0-9]|5[0-367])|70[13-7]|881))[0189][0-9]{5}|(?:6(?:[09][0-9]|1[0467'
         '9]|2[03689]|3[05-9]|4[0489]|50|6[069]|7[07]|8[7-9])|7(?:[024][0-9]|3[05-8]|5[0346-8]|6[6-9]|'
         '7[1-9]|8[0-79]|9[06-9])|8(?:0[01589]|1[0-57-9]|2[235-9]|3[03-57-9]|[45][0-9]|6[02457-9]|7[1-'
         '69]|8[0-25-9]|9[02-9])|9[0-9][0-9])[0-9]{7}'),
    )),
}

PHONE_ALLOWED = " -.()/+"


def phone_regions(value: str) -> list[str]:
    """The regions for which value is a valid fixed-line or mobile number."""
    number = value.translate(DEVANAGARI_DIGITS).strip()
    international = number.startswith("+") or number.startswith("00")
    if "+" in number[1:]:
        raise Invalid("misplaced '+'")
    digits = digits_of(number, PHONE_ALLOWED)
    if number.startswith("00"):
        digits = digits[2:]
    found = []
    for region, (cc, trunk, patterns) in PHONE_REGIONS.items():
        if international:
            if not digits.startswith(cc):
                continue
            candidates = [digits[len(cc):]]
        else:
            # As libphonenumber parses a national number: with the trunk prefix stripped if present,
            # else as written ("0712 345 678" and "98765 43210" are both national numbers).
            candidates = [digits]
            if trunk and digits.startswith(trunk):
                candidates.append(digits[len(trunk):])
        for nsn in candidates:
            if any(re.fullmatch(p, nsn) for p in patterns):
                found.append(region)
                break
    return found


def check_phone(value: str, line: str) -> None:
    if not phone_regions(value):
        raise Invalid("not a valid fixed-line or mobile number for any corpus region")


# ---------------------------------------------------------------------------------------------------
# Other validators
# ---------------------------------------------------------------------------------------------------

ISO_COUNTRIES = set(
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV "
    "BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES "
    "ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE "
    "IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY "
    "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU "
    "NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM "
    "SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE "
    "VG VI VN VU WF WS XK YE YT ZA ZM ZW".split()
)

IBAN_LENGTHS = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
    "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
    "ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
    "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
    "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29,
    "RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}

# Basic BBAN layouts for the countries whose IBANs the corpus uses (n = digit, a = letter, c = either).
IBAN_BBAN = {
    "FR": "5n5n11c2n", "ES": "4n4n2n10n", "PT": "4n4n11n2n", "BR": "8n5n10n1a1c", "GB": "4a6n8n",
    "DE": "8n10n", "BE": "3n7n2n", "IT": "1a5n5n12c",
}


def bban_pattern(layout: str) -> str:
    parts = re.findall(r"(\d+)([nac])", layout)
    cls = {"n": "[0-9]", "a": "[A-Z]", "c": "[A-Z0-9]"}
    return "".join(f"{cls[k]}{{{n}}}" for n, k in parts)


RIB_LETTERS = {c: str(v) for v, letters in enumerate(("", "AJ", "BKS", "CLT", "DMU", "ENV", "FOW", "GPX", "HQY", "IRZ")) for c in letters}


def es_control_digit(ten: str) -> int:
    weights = (1, 2, 4, 8, 5, 10, 9, 7, 3, 6)
    v = 11 - sum(int(d) * w for d, w in zip(ten, weights)) % 11
    return {11: 0, 10: 1}.get(v, v)


def check_iban(value: str, line: str) -> None:
    if value != value.strip() or "  " in value:
        raise Invalid("bad spacing")
    iban = value.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]+", iban):
        raise Invalid("not an IBAN shape")
    country = iban[:2]
    if IBAN_LENGTHS.get(country) != len(iban):
        raise Invalid(f"length {len(iban)} is wrong for {country}")
    if mod97(iban[4:] + iban[:4]) != 1:
        raise Invalid("IBAN mod-97 check fails")
    bban = iban[4:]
    if country in IBAN_BBAN and not re.fullmatch(bban_pattern(IBAN_BBAN[country]), bban):
        raise Invalid(f"BBAN layout wrong for {country}")
    # National check digits inside the BBAN.
    if country == "FR":
        digits = "".join(RIB_LETTERS.get(c, c) for c in bban)
        bank, branch, account, key = int(digits[:5]), int(digits[5:10]), int(digits[10:21]), int(digits[21:])
        if key != 97 - (89 * bank + 15 * branch + 3 * account) % 97:
            raise Invalid("French RIB key wrong")
    elif country == "ES":
        if int(bban[8]) != es_control_digit("00" + bban[:8]) or int(bban[9]) != es_control_digit(bban[10:]):
            raise Invalid("Spanish CCC control digits wrong")
    elif country == "PT":
        if int(bban) % 97 != 1:
            raise Invalid("Portuguese NIB check digits wrong")
    elif country == "BE":
        check = int(bban[:10]) % 97 or 97
        if check != int(bban[10:]):
            raise Invalid("Belgian check digits wrong")


CARD_PREFIXES = re.compile(r"4|5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720)|3[47]|6011|65|35")


def check_card(value: str, line: str) -> None:
    digits = digits_of(value)
    if not 13 <= len(digits) <= 19:
        raise Invalid("card length")
    if not CARD_PREFIXES.match(digits):
        raise Invalid("unknown card prefix")
    if not luhn_ok(digits):
        raise Invalid("Luhn check fails")


def check_swift(value: str, line: str) -> None:
    if not re.fullmatch(r"[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?", value):
        raise Invalid("not a BIC shape")
    if value[4:6] not in ISO_COUNTRIES:
        raise Invalid("unknown country in BIC")


def check_crypto(value: str, line: str) -> None:
    if value[:3].lower() in ("bc1", "tb1"):
        segwit_decode(value)
        return
    payload = base58check_payload(value)
    if len(payload) != 21 or payload[0] not in (0x00, 0x05):
        raise Invalid("not a P2PKH/P2SH mainnet address")


def check_ip(value: str, line: str) -> None:
    try:
        ipaddress.ip_address(value)
    except ValueError as e:
        raise Invalid(str(e)) from None


def check_mac(value: str, line: str) -> None:
    if not (re.fullmatch(r"[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}", value)
            or re.fullmatch(r"[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}", value)):
        raise Invalid("not a MAC address")


def check_url(value: str, line: str) -> None:
    if not re.fullmatch(r"(?:https?://|www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#][^\s]*)?", value, re.I):
        raise Invalid("not a URL")


def check_email(value: str, line: str) -> None:
    if not re.fullmatch(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", value):
        raise Invalid("not an e-mail address")


def check_gps(value: str, line: str) -> None:
    v = value.replace("’", "'").replace("′", "'").replace("″", '"').replace("''", '"')
    m = re.fullmatch(r"(-?\d{1,2}\.\d{2,})°?\s*([NS])?,\s*(-?\d{1,3}\.\d{2,})°?\s*([EW])?", v)
    if m:
        lat, lon = float(m.group(1)), float(m.group(3))
        if bool(m.group(2)) != bool(m.group(4)):
            raise Invalid("hemisphere on one axis only")
        if m.group(2) and (lat < 0 or lon < 0):
            raise Invalid("sign and hemisphere both given")
    else:
        m = re.fullmatch(
            r"(\d{1,2})°\s*(\d{1,2})'\s*(\d{1,2}(?:\.\d+)?)\"\s*([NS]),?\s*(\d{1,3})°\s*(\d{1,2})'\s*(\d{1,2}(?:\.\d+)?)\"\s*([EW])", v)
        if not m:
            raise Invalid("not decimal or DMS coordinates")
        dd, mm, ss, _, ddd, mmm, sss, _ = m.groups()
        if int(mm) >= 60 or float(ss) >= 60 or int(mmm) >= 60 or float(sss) >= 60:
            raise Invalid("minutes/seconds out of range")
        lat, lon = int(dd), int(ddd)
    if abs(lat) > 90 or abs(lon) > 180:
        raise Invalid("coordinates out of range")


MONTHS = {}
for _number, _names in enumerate((
    "january jan janvier janv enero ene janeiro jan januari जनवरी",
    "february feb février fév fevrier febrero feb fevereiro fev februari फ़रवरी फरवरी",
    "march mar mars marzo março marco machi मार्च",
    "april apr avril abril aprili अप्रैल",
    "may mai mayo maio mei मई",
    "june jun juin junio junho juni जून",
    "july jul juillet julio julho julai जुलाई",
    "august aug août aout agosto agosti अगस्त",
    "september sep sept septembre septiembre setiembre setembro set septemba सितंबर सितम्बर",
    "october oct octobre octubre outubro out oktoba अक्टूबर अक्तूबर",
    "november nov novembre noviembre novembro novemba नवंबर नवम्बर",
    "december dec décembre decembre diciembre dezembro dez desemba दिसंबर दिसम्बर",
), start=1):
    for _name in _names.split():
        MONTHS[_name] = _number


def check_dob(value: str, line: str) -> None:
    v = value.translate(DEVANAGARI_DIGITS).lower()
    m = re.fullmatch(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})", v)
    if m:
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        candidates = [(a, b)] + ([(b, a)] if a <= 12 else [])  # day/month, or month/day (US)
    elif (m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v)):
        year, candidates = int(m.group(1)), [(int(m.group(3)), int(m.group(2)))]
    else:
        tokens = re.findall(r"[^\W\d_]+|\d+", v)
        tokens = [t for t in tokens if t not in ("de", "of", "the", "th", "st", "nd", "rd", "er", "tarehe", "ko")]
        nums = [int(t) for t in tokens if t.isdigit()]
        months = [MONTHS[t] for t in tokens if t in MONTHS]
        words = [t for t in tokens if not t.isdigit() and t not in MONTHS]
        if words or len(months) != 1 or len(nums) != 2:
            raise Invalid("date not understood")
        day, year = (nums[0], nums[1]) if nums[1] > 31 else (nums[1], nums[0])
        candidates = [(day, months[0])]
    if not 1900 <= year <= 2025:
        raise Invalid("implausible birth year")
    if not any(1 <= mo <= 12 and 1 <= d <= calendar.monthrange(year, mo)[1] for d, mo in candidates):
        raise Invalid("no such date")


def check_age(value: str, line: str) -> None:
    v = value.translate(DEVANAGARI_DIGITS)
    if not re.fullmatch(r"\d{1,3}", v) or not 0 < int(v) <= 120:
        raise Invalid("age is a number from 1 to 120")


def check_ssn(value: str, line: str) -> None:
    if not re.fullmatch(r"\d{3}([- ]?)\d{2}\1\d{4}", value):
        raise Invalid("not an SSN shape")
    d = digits_of(value)
    area, group, serial = d[:3], d[3:5], d[5:]
    if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
        raise Invalid("SSN outside the valid ranges")
    if d in ("078051120", "219099999", "123456789"):
        raise Invalid("well-known invalid SSN")


def check_nino(value: str, line: str) -> None:
    v = value.replace(" ", "")
    if not re.fullmatch(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]", v):
        raise Invalid("not a NINO shape")
    if v[:2] in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
        raise Invalid("unallocated NINO prefix")


def check_nhs(value: str, line: str) -> None:
    d = digits_of(value)
    if len(d) != 10:
        raise Invalid("NHS number has 10 digits")
    check = 11 - sum(int(c) * w for c, w in zip(d[:9], range(10, 1, -1))) % 11
    check = 0 if check == 11 else check
    if check == 10 or check != int(d[9]):
        raise Invalid("NHS mod-11 check fails")


def check_nir(value: str, line: str) -> None:
    v = value.replace(" ", "").upper()
    m = re.fullmatch(r"([12])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})", v)
    if not m:
        raise Invalid("not a NIR shape")
    month = int(m.group(3))
    if not (1 <= month <= 12 or 20 <= month <= 42 or 50 <= month <= 99):
        raise Invalid("bad NIR month")
    number = int(v[:13].replace("2A", "19").replace("2B", "18"))
    if int(m.group(7)) != 97 - number % 97:
        raise Invalid("NIR key wrong")


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def check_dni(value: str, line: str) -> None:
    m = re.fullmatch(r"(\d{8})-?([A-Z])", value)
    if not m or DNI_LETTERS[int(m.group(1)) % 23] != m.group(2):
        raise Invalid("DNI letter wrong")


def check_nie(value: str, line: str) -> None:
    m = re.fullmatch(r"([XYZ])-?(\d{7})-?([A-Z])", value)
    if not m or DNI_LETTERS[int("XYZ".index(m.group(1)) * 10**7 + int(m.group(2))) % 23] != m.group(3):
        raise Invalid("NIE letter wrong")


def check_cpf(value: str, line: str) -> None:
    if not re.fullmatch(r"\d{3}\.?\d{3}\.?\d{3}-?\d{2}", value):
        raise Invalid("not a CPF shape")
    d = [int(c) for c in digits_of(value, ".-")]
    if len(set(d)) == 1:
        raise Invalid("repeated-digit CPF")
    for n in (9, 10):
        r = sum(d[i] * (n + 1 - i) for i in range(n)) * 10 % 11 % 10
        if r != d[n]:
            raise Invalid("CPF check digit wrong")


def check_aadhaar(value: str, line: str) -> None:
    d = digits_of(value)
    if len(d) != 12 or d[0] in "01":
        raise Invalid("Aadhaar is 12 digits starting 2-9")
    if not verhoeff_ok(d):
        raise Invalid("Aadhaar Verhoeff check fails")


def check_pan(value: str, line: str) -> None:
    if not re.fullmatch(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]", value):
        raise Invalid("not a PAN shape (4th letter must be a holder type)")


def check_ke_id(value: str, line: str) -> None:
    if not re.fullmatch(r"\d{7,8}", value):
        raise Invalid("Kenyan id number is 7 or 8 digits")


def check_kra(value: str, line: str) -> None:
    if not re.fullmatch(r"[AP]\d{9}[A-Z]", value):
        raise Invalid("KRA PIN is A/P, 9 digits, a letter")


def check_nin(value: str, line: str) -> None:
    if not re.fullmatch(r"\d{11}", value):
        raise Invalid("NIN is 11 digits")


def check_za_id(value: str, line: str) -> None:
    d = digits_of(value)
    if len(d) != 13:
        raise Invalid("ZA id has 13 digits")
    yy, mm, dd = int(d[:2]), int(d[2:4]), int(d[4:6])
    if not any(1 <= mm <= 12 and 1 <= dd <= calendar.monthrange(century + yy, mm)[1] for century in (1900, 2000)):
        raise Invalid("ZA id birth date invalid")
    if d[10] not in "012":
        raise Invalid("ZA id citizenship digit")
    if not luhn_ok(d):
        raise Invalid("ZA id Luhn check fails")


def check_passport(value: str, line: str) -> None:
    if not re.fullmatch(r"[A-Z0-9]{6,9}", value) or not re.search(r"\d", value):
        raise Invalid("passport number is 6-9 letters/digits")


def check_postal(value: str, line: str) -> None:
    v = value.translate(DEVANAGARI_DIGITS)
    patterns = (
        r"\d{5}", r"\d{5}-\d{4}", r"\d{4}-\d{3}", r"\d{5}-\d{3}", r"\d{6}", r"\d{3} \d{3}", r"\d{4}",
        r"[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}",
    )
    if not any(re.fullmatch(p, v) for p in patterns):
        raise Invalid("not a postal code shape")


def check_name(value: str, line: str) -> None:
    if re.search(r"\d", value) or not value[0].isalpha():
        raise Invalid("a name has no digits and starts with a letter")


def check_place(value: str, line: str) -> None:
    if re.search(r"\d", value):
        raise Invalid("a place name has no digits")


def check_street(value: str, line: str) -> None:
    if not re.search(r"[^\W\d_]{2,}", value):
        raise Invalid("a street address names a street")


VALIDATORS = {
    "PERSON": check_name, "EMAIL_ADDRESS": check_email, "PHONE_NUMBER": check_phone,
    "CREDIT_CARD": check_card, "IBAN_CODE": check_iban, "SWIFT_CODE": check_swift, "CRYPTO": check_crypto,
    "IP_ADDRESS": check_ip, "MAC_ADDRESS": check_mac, "URL": check_url, "GPS_COORDINATES": check_gps,
    "STREET_ADDRESS": check_street, "LOCATION": check_place, "POSTAL_CODE": check_postal,
    "DATE_OF_BIRTH": check_dob, "AGE": check_age, "US_SSN": check_ssn, "UK_NINO": check_nino,
    "UK_NHS": check_nhs, "FR_NIR": check_nir, "ES_DNI": check_dni, "ES_NIE": check_nie, "BR_CPF": check_cpf,
    "IN_AADHAAR": check_aadhaar, "IN_PAN": check_pan, "KE_NATIONAL_ID": check_ke_id, "KE_KRA_PIN": check_kra,
    "NG_NIN": check_nin, "ZA_ID": check_za_id, "PASSPORT": check_passport,
}

# Types a careful annotator marks only when the sentence says what the value is: the line must hold
# one of these words (lower-case, matched as a substring of the lower-cased line).
REQUIRED_CONTEXT = {
    "DATE_OF_BIRTH": ("born", "birth", "dob", "d.o.b", "née", "né le", "naissance", "nacimiento", "nacid",
                      "nasc", "zaliwa", "janam", "paida", "जन्म", "पैदा"),
    "AGE": ("year", "yr", "y/o", "aged", "age", "ans", "âge", "año", "edad", "anos", "idade", "miaka", "umri",
            "saal", "sal ", "umar", "umr", "उम्र", "साल", "वर्ष", "आयु"),
    "KE_NATIONAL_ID": ("id", "kitambulisho", "identity", "huduma"),
    "NG_NIN": ("nin", "national identification", "identity"),
    "PASSPORT": ("passport", "passeport", "pasaporte", "passaporte", "pasipoti", "paspoti", "पासपोर्ट"),
}

BAD_EDGE = " \t.,;:!?\"'«»“”"


# ---------------------------------------------------------------------------------------------------
# Parsing
# ---------------------------------------------------------------------------------------------------

def utf16_len(s: str) -> int:
    return len(s) + sum(1 for c in s if ord(c) > 0xFFFF)


def parse_line(marked: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Returns the plain text and its spans as (start, end, type, value) in Python str indices."""
    out: list[str] = []
    spans = []
    pos = 0
    length = 0
    for m in MARKUP.finditer(marked):
        before = marked[pos:m.start()]
        out.append(before)
        length += len(before)
        value = m.group(2)
        spans.append((length, length + len(value), m.group(1), value))
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def looks_like_pii(run: str) -> str | None:
    """A reason a digit run outside any span might be personal data after all (for warnings)."""
    digits = re.sub(r"\D", "", run)
    try:
        if 8 <= len(digits) <= 15 and phone_regions(run):
            return "valid phone number"
    except Invalid:
        pass
    if 13 <= len(digits) <= 19 and CARD_PREFIXES.match(digits) and luhn_ok(digits):
        return "Luhn-valid card-like number"
    return None


def build(source: Path) -> tuple[list[dict], list[str], list[str]]:
    records, errors, warnings = [], [], []
    seen: dict[str, int] = {}
    for lineno, raw in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        where = f"{source.name}:{lineno}"
        if "\t" not in raw:
            errors.append(f"{where}: no TAB between language and text")
            continue
        lang, marked = raw.split("\t", 1)
        if lang not in LANGS:
            errors.append(f"{where}: unknown language {lang!r}")
        if "\t" in marked or marked != marked.strip():
            errors.append(f"{where}: stray TAB or surrounding whitespace in the text")
        text, spans = parse_line(marked)
        if "[[" in text or "]]" in text:
            errors.append(f"{where}: unbalanced or malformed [[TYPE:value]] markup")
        if text in seen:
            errors.append(f"{where}: duplicate of line {seen[text]}")
        seen[text] = lineno
        lowered = text.lower()
        out_spans = []
        for start, end, kind, value in spans:
            if kind not in TYPES:
                errors.append(f"{where}: unknown type {kind}")
                continue
            if not value or value[0] in BAD_EDGE or value[-1] in BAD_EDGE:
                errors.append(f"{where}: {kind} value {value!r} is empty or has edge space/punctuation")
                continue
            try:
                VALIDATORS[kind](value, text)
            except Invalid as e:
                errors.append(f"{where}: invalid {kind} {value!r}: {e}")
            words = REQUIRED_CONTEXT.get(kind)
            if words and not any(w in lowered for w in words):
                errors.append(f"{where}: {kind} {value!r} without the context that makes it one")
            # A span must sit on word boundaries (no half-words).
            if (start > 0 and text[start - 1].isalnum() and value[0].isalnum()) or \
               (end < len(text) and text[end].isalnum() and value[-1].isalnum()):
                errors.append(f"{where}: {kind} {value!r} does not sit on word boundaries")
            out_spans.append({
                "start": utf16_len(text[:start]),
                "end": utf16_len(text[:end]),
                "type": kind,
            })
        # Digit runs outside spans that a validator would accept: worth a second look.
        masked = list(text)
        for start, end, _, _ in spans:
            masked[start:end] = " " * (end - start)
        for m in re.finditer(r"\+?\(?\d[\d ()./-]{6,}\d", "".join(masked)):
            reason = looks_like_pii(m.group(0))
            if reason:
                warnings.append(f"{where}: unmarked {m.group(0)!r} is a {reason}; is that intended?")
        records.append({"id": len(records) + 1, "lang": lang, "text": text, "spans": out_spans})
    return records, errors, warnings


def self_test() -> None:
    """Known-answer tests for the algorithms, so a broken validator cannot pass a broken corpus."""
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert verhoeff_ok("2363") and not verhoeff_ok("2364")
    assert mod97("DE89370400440532013000" [4:] + "DE89") == 1  # the IBAN registry's example
    base58check_payload("1BoatSLRHtKNngkdXEeobR76b53LETtpyT")
    assert segwit_decode("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4")[0] == 0  # BIP 173 test vector
    assert bech32_encode_segwit("bc", 0, bytes.fromhex("751e76e8199196d454941c45d1b3a323f1433bd6")) == \
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
    for fn, good, bad in (
        (check_nhs, "943 476 5919", "943 476 5910"),
        (check_dni, "12345678Z", "12345678A"),
        (check_nie, "X1234567L", "X1234567A"),
        (check_cpf, "529.982.247-25", "529.982.247-26"),
        (check_za_id, "8001015009087", "8001015009088"),
    ):
        fn(good, "")
        try:
            fn(bad, "")
        except Invalid:
            pass
        else:
            raise AssertionError(f"{fn.__name__} accepted {bad}")


def main(argv: list[str]) -> int:
    check_only = "--check" in argv[1:]
    self_test()
    records, errors, warnings = build(SOURCE)
    if "--warn" in argv[1:]:
        for w in warnings:
            print(f"note: {w}", file=sys.stderr)
    if errors:
        for e in errors:
            print(f"error: {e}", file=sys.stderr)
        print(f"{len(errors)} error(s); {OUTPUT.name} not written", file=sys.stderr)
        return 1
    content = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
    if check_only:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else None
        if current != content:
            print(f"{OUTPUT.name} is stale: run tools/corpus/build_corpus.py", file=sys.stderr)
            return 1
    else:
        OUTPUT.write_text(content, encoding="utf-8", newline="\n")

    by_lang = Counter(r["lang"] for r in records)
    by_type = Counter(s["type"] for r in records for s in r["spans"])
    negatives = sum(1 for r in records if not r["spans"])
    print(f"{len(records)} cases, {negatives} without spans, {sum(by_type.values())} spans")
    if warnings:
        print(f"{len(warnings)} unmarked digit run(s) pass a phone or card check (the negatives' look-alikes"
              " are meant to); list them with --warn")
    print("languages: " + ", ".join(f"{k} {by_lang[k]}" for k in LANGS))
    print("types:     " + ", ".join(f"{k} {by_type[k]}" for k in TYPES))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
