#!/usr/bin/env python3
"""Runs every `$ curl ...` example of README.md against a server on localhost:7070 (start it with
./scholar on the seeds) and prints the ones whose output differs from what the README shows.
An expected line ending in '...' or containing '…' only needs its start to appear. Needs curl and jq.

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
bad=0
for ln,cmd,exp in blocks:
    got=stable(subprocess.run(['bash','-c',cmd],capture_output=True,text=True).stdout.rstrip())
    exp=stable(exp)
    if exp.endswith('...'):
        ok = got.startswith(exp[:-3])
    elif '…' in exp.replace('"builtAt":"…"', '').replace('"indexBytes":…', ''):
        ok = all(a.split('…')[0].rstrip() in got for a in exp.split('\n'))
    else:
        ok = got==exp
    if not ok:
        bad+=1; print(f"--- line {ln}: {cmd}\nexpected:\n{exp}\ngot:\n{got}\n")
print(len(blocks),"examples,",bad,"differ")
