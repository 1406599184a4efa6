#!/usr/bin/env python3
"""Regenerates trainer/src/main/resources/dev/kiln/trainer/graph/cuda-kernels.tsv.

Reads ONNX Runtime's generated docs/OperatorKernels.md (the whole file, or any excerpt that holds
the CUDAExecutionProvider section), keeps the CUDA kernels of the domains ai.onnx and
com.microsoft, and writes one row per (domain, op, opset range):

    domain <TAB> op <TAB> since <TAB> until (empty = open-ended) <TAB> T=float,float16;T1=bool

Usage:
    python3 scripts/cuda-kernels-tsv.py OperatorKernels.md <commit> \
        > trainer/src/main/resources/dev/kiln/trainer/graph/cuda-kernels.tsv

<commit> is the onnxruntime commit the file was taken from; it goes into the header line.
"""
import re
import sys

DOMAINS = ("ai.onnx", "com.microsoft")
SECTION = '<a name="cudaexecutionprovider"/>'


def parse_range(text):
    """'13+' -> (13, None); '[7, 12]' -> (7, 12); '9' -> (9, 9)."""
    text = text.strip()
    m = re.fullmatch(r"(\d+)\+", text)
    if m:
        return int(m.group(1)), None
    m = re.fullmatch(r"\[(\d+),\s*(\d+)\]", text)
    if m:
        return int(m.group(1)), int(m.group(2))
    if re.fullmatch(r"\d+", text):
        return int(text), int(text)
    raise ValueError("unparsable opset version: " + repr(text))


def parse_types(text):
    """'**T** = tensor(float), tensor(int64)<br/> **I** = tensor(int64)' -> 'T=float,int64;I=int64'."""
    parts = []
    for chunk in text.split("<br/>"):
        chunk = chunk.strip()
        if not chunk:
            continue
        m = re.fullmatch(r"\*\*(\w+)\*\*\s*=\s*(.*)", chunk)
        if not m:
            raise ValueError("unparsable type constraint: " + repr(chunk))
        # seq(tensor(x)) entries are sequence types, which kiln never uses; keep plain tensors only
        types = re.findall(r"(?<!seq\()tensor\((\w+)\)", m.group(2))
        parts.append(m.group(1) + "=" + ",".join(types))
    return ";".join(parts)


def rows(lines):
    start = next(i for i, line in enumerate(lines) if line.strip() == SECTION)
    domain, op = None, None
    for line in lines[start + 1:]:
        if line.startswith("<a name="):
            break  # next execution provider
        m = re.match(r"\|\*\*Operator Domain:\*\* \*([\w.]+)\*", line)
        if m:
            domain, op = m.group(1), None
            continue
        if not line.startswith("|") or line.startswith("| ") or line.startswith("|-"):
            continue
        cells = line.rstrip("\n").split("|")
        # '', op, parameters, version, types, ''
        if len(cells) != 6:
            raise ValueError("unexpected row: " + line)
        if cells[1]:
            op = cells[1]
        since, until = parse_range(cells[3])
        if domain in DOMAINS:
            yield domain, op, since, until, parse_types(cells[4])


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, commit = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    out = sys.stdout
    out.write("# source: microsoft/onnxruntime docs/OperatorKernels.md @ %s, CUDAExecutionProvider; "
              "regenerate with scripts/cuda-kernels-tsv.py OperatorKernels.md <commit>\n" % commit)
    out.write("# facts from ONNX Runtime's generated kernel documentation (ONNX Runtime is MIT-licensed); "
              "kiln's CudaKernels reads this file\n")
    out.write("# domain\top\tsince\tuntil (empty = open-ended)\ttype constraints (var=types;...)\n")
    for domain, op, since, until, types in rows(lines):
        out.write("%s\t%s\t%d\t%s\t%s\n" % (domain, op, since, "" if until is None else until, types))


if __name__ == "__main__":
    main()
