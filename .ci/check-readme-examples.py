#!/usr/bin/env python3
"""Runs every `$ curl ...` example of README.md against a server on localhost:7070 (start it with
./scholar on the seeds) and prints the ones whose output differs from what the README shows.
An expected line ending in '...' or containing '…' only needs its start to appear. Decimal numbers
may differ by 0.005 (or 0.5%, or one in their last decimal shown): vector similarities differ in the third decimal from one CPU to
another (ONNX Runtime's int8 kernels), while counts, ids, titles and order must match exactly.
Needs curl and jq.

    python3 .ci/check-readme-examples.py README.md
"""
import re, subprocess, sys
lines=open(sys.argv[1]).read().split('\n')
i=0; blocks=[]
while i < len(lines):
    l=lines[i]
    if l.startswith('$ curl'):
        cmd=l[2:]; j=i+1
        while cmd.endswith('\\'):
            cmd=cmd[:-1]+' '+lines[j].strip(); j+=1
        out=[]
        while j < len(lines) and not lines[j].startswith('$ ') and not lines[j].startswith('```'):
            out.append(lines[j]); j+=1
        blocks.append((i+1,cmd,'\n'.join(out).rstrip()))
        i=j
    else: i+=1
# What changes with every build, whatever the code: when it was built, and its size on disk.
VOLATILE = [(re.compile(r'"builtAt":"[^"]*"'), '"builtAt":"…"'), (re.compile(r'"indexBytes":\d+'), '"indexBytes":…')]
def stable(text):
    for pattern, repl in VOLATILE:
        text = pattern.sub(repl, text)
    return text
DECIMAL = re.compile(r'(-?\d+\.\d+)')
def close(exp, got):
    """Equal, but for decimal numbers within the tolerance."""
    e, g = DECIMAL.split(exp), DECIMAL.split(got)
    if len(e) != len(g):
        return False
    for k, (a, b) in enumerate(zip(e, g)):
        if k % 2 == 0:
            if a != b:
                return False
        elif abs(float(a) - float(b)) > max(0.005, 0.005 * abs(float(a)), 1.01 * 10 ** -len(a.split('.')[1])):
            return False
    return True
bad=0
for ln,cmd,exp in blocks:
    got=stable(subprocess.run(['bash','-c',cmd],capture_output=True,text=True).stdout.rstrip())
    exp=stable(exp)
    if exp.endswith('...'):
        ok = close(exp[:-3], got[:len(exp) - 3])
    elif '…' in exp.replace('"builtAt":"…"', '').replace('"indexBytes":…', ''):
        ok = all(any(close(a.split('…')[0].rstrip(), g[:len(a.split('…')[0].rstrip())]) for g in got.split('\n'))
                 for a in exp.split('\n'))
    else:
        ok = close(exp, got)
    if not ok:
        bad+=1; print(f"--- line {ln}: {cmd}\nexpected:\n{exp}\ngot:\n{got}\n")
print(len(blocks),"examples,",bad,"differ")
