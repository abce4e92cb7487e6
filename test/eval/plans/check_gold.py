"""Independent check of gold files: every sentence must occur in its source file
after whitespace normalisation; print a compact table for eyeballing."""
import json, glob, sys
ROOT = '/work/main/'
norm = lambda s: ' '.join(s.split())
bad = 0
for p in sorted(glob.glob('gold/*.json')):
    g = json.load(open(p, encoding='utf-8'))
    text = norm(open(ROOT + g['file'], encoding='utf-8').read())
    print('==', p, g['file'])
    for kind in ('targets', 'awards', 'deadlines'):
        for e in g[kind]:
            s = norm(e['sentence'])
            if s not in text:
                bad += 1; print('  MISSING', kind, s[:80])
            if kind == 'targets':
                assert e['unit'] in ('%', 'count') and e['comparator'] in ('>=', '>')
                print('  T %d %s%s %s | %s' % (e['year'], e['comparator'], e['value'], e['unit'], e['population'][:70]))
            elif kind == 'awards':
                print('  A', e['name'])
            else:
                assert e['date'] in s or e['date'] in ('05/12',), e
                print('  D', e['date'], 'rec' if e['recurring'] else 'once', '|', e['what'])
print('missing:', bad); sys.exit(1 if bad else 0)
