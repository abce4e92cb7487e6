"""Helpers to build and check gold files for plan extraction.

Sentences are typed with single spaces; `find_raw` locates them in the source
file allowing any whitespace run between tokens and stores the raw substring
(character for character, including line breaks) in the gold file.
"""
import json, re, os, unicodedata

ROOT = '/work/main'

def norm(s):
    return ' '.join(s.split())

def find_raw(text, typed):
    toks = typed.split()
    pat = r'\s+'.join(re.escape(t) for t in toks)
    ms = list(re.finditer(pat, text))
    if not ms:
        raise SystemExit('NOT FOUND: ' + typed)
    return ms[0].group(0)

def vn_num(v):
    """Render a number the way Vietnamese documents write it (1.200.000 / 72,5)."""
    if isinstance(v, float) and not v.is_integer():
        ip, fp = ('%s' % v).split('.')
        return '{:,}'.format(int(ip)).replace(',', '.') + ',' + fp
    return '{:,}'.format(int(v)).replace(',', '.')

class Gold:
    def __init__(self, relpath):
        self.rel = relpath
        self.text = open(os.path.join(ROOT, relpath), encoding='utf-8').read()
        self.targets, self.awards, self.deadlines = [], [], []

    def S(self, typed):
        return find_raw(self.text, typed)

    def T(self, year, value, unit, comp, population, sentence, note=None, numtext=None):
        raw = self.S(sentence)
        shown = numtext or (vn_num(value) + ('%' if unit == '%' else ''))
        if shown not in norm(raw):
            # allow leading zero counts such as 04, 01
            alt = '0' + shown
            if alt not in norm(raw):
                raise SystemExit('VALUE %r not in sentence: %s' % (shown, norm(raw)))
        e = {'year': year, 'value': value, 'unit': unit, 'comparator': comp,
             'population': population, 'sentence': raw}
        if note:
            e['note'] = note
        self.targets.append(e)

    def A(self, name, sentence, aliases=None):
        raw = self.S(sentence)
        if norm(name) not in norm(raw) and not aliases:
            print('  (award name not literally in sentence: %s)' % name)
        e = {'name': name, 'sentence': raw}
        if aliases:
            e['aliases'] = aliases
        self.awards.append(e)

    def D(self, what, date, recurring, sentence, note=None):
        raw = self.S(sentence)
        e = {'what': what, 'date': date, 'recurring': recurring, 'sentence': raw}
        if note:
            e['note'] = note
        self.deadlines.append(e)

    def check(self):
        keys = [(t['year'], t['population']) for t in self.targets]
        dup = {k for k in keys if keys.count(k) > 1}
        if dup:
            raise SystemExit('duplicate (year, population): %r' % dup)

    def write(self, name):
        self.check()
        out = {'file': self.rel, 'targets': self.targets,
               'awards': self.awards, 'deadlines': self.deadlines}
        p = os.path.join(ROOT, 'test/eval/plans/gold', name + '.json')
        with open(p, 'w', encoding='utf-8') as f:
            json.dump(out, f, ensure_ascii=False, indent=2)
            f.write('\n')
        print('%s: %d targets, %d awards, %d deadlines' % (
            name, len(self.targets), len(self.awards), len(self.deadlines)))
