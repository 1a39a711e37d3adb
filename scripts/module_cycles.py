#!/usr/bin/env python3
"""Fails when two modules of src/ import each other, directly or round a longer circle.

Every module file's references to others (`crate::a::b`, `super::x`, `self::`-free paths in
`use` lines) are read, outside comments and tests (`tests.rs`, `tests/`, and `#[cfg(test)]`
items); a circle among them is printed with the references that make it. Run by scripts/test.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src')


def module_of(path):
    rel = os.path.relpath(path, ROOT)[:-3].split(os.sep)
    if rel[-1] in ('mod', 'lib', 'main', 'front'):
        rel = rel[:-1]
    return '::'.join(rel)


def code_lines(text):
    """The lines outside comments and #[cfg(test)] items."""
    lines = text.split('\n')
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip().startswith('#[cfg(test)]') or line.strip().startswith('#[cfg(any(test'):
            nxt = lines[i + 1] if i + 1 < len(lines) else ''
            if nxt.rstrip().endswith('{'):
                indent = len(nxt) - len(nxt.lstrip())
                j = i + 2
                while j < len(lines) and not (lines[j].startswith(' ' * indent + '}') and len(lines[j].strip()) == 1 and len(lines[j]) - 1 == indent):
                    j += 1
                i = j + 1
                continue
            i += 2
            continue
        if not line.strip().startswith('//'):
            yield i + 1, line
        i += 1


files = {}
for root, _, names in os.walk(ROOT):
    for n in names:
        if n.endswith('.rs') and n != 'tests.rs' and os.sep + 'tests' + os.sep not in os.path.join(root, n) + os.sep:
            p = os.path.join(root, n)
            if os.path.basename(root) == 'tests':
                continue
            files[module_of(p)] = p

edges = {}
for mod, path in files.items():
    parent = mod.rsplit('::', 1)[0] if '::' in mod else ''
    for no, line in code_lines(open(path).read()):
        refs = [r for r in re.findall(r'crate::((?:\w+::)*\w+)', line)]
        refs += [(parent + '::' if parent else '') + r for r in re.findall(r'\bsuper::((?:\w+::)*\w+)', line) if not line.strip().startswith('use super::*')]
        for r in refs:
            parts = r.split('::')
            target = None
            for k in range(len(parts), 0, -1):
                cand = '::'.join(parts[:k])
                if cand in files:
                    target = cand
                    break
            # A module may use what its parent or its children declare (a module's own items).
            if target is None or target == mod or mod.startswith(target + '::') or target.startswith(mod + '::'):
                continue
            edges.setdefault(mod, {}).setdefault(target, f'{os.path.relpath(path, ROOT)}:{no}')

# Tarjan's strongly connected components.
index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
sys.setrecursionlimit(10000)


def visit(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in edges.get(v, {}):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        if len(comp) > 1:
            sccs.append(sorted(comp))


for v in sorted(files):
    if v not in index:
        visit(v)
# A top-level module's children may use one another freely only through the layers: a circle
# between two top-level modules is a circle even when it goes through their children.
tops = {}
for a, targets in edges.items():
    for b, where in targets.items():
        ta, tb = a.split('::')[0], b.split('::')[0]
        if ta != tb:
            tops.setdefault(ta, {}).setdefault(tb, where)
for a in sorted(tops):
    for b in sorted(tops[a]):
        if a < b and a in tops.get(b, {}):
            sccs.append([f'{a} (at {tops[a][b]})', f'{b} (at {tops[b][a]})'])
if sccs:
    print('Modules that import each other:')
    for comp in sccs:
        print('  ' + ' <-> '.join(comp))
        for a in comp:
            for b, where in edges.get(a.split(' ')[0], {}).items():
                if b in comp:
                    print(f'      {a} -> {b}  ({where})')
    sys.exit(1)
print(f'{len(files)} modules, no two import each other')
