# Nested dicts: dicts of dicts, building them up, printing, equality, copies.


def add(db, user, key, value):
    if user not in db:
        db[user] = {}
    db[user][key] = value


def main(argv):
    db = {}
    add(db, 'ann', 'age', 31)
    add(db, 'ann', 'score', 7)
    add(db, 'bo', 'age', 27)
    print(db)
    print(db['ann']['score'], len(db['bo']))
    db['bo']['age'] += 1
    print(db['bo'])
    other = {'ann': {'age': 31, 'score': 7}, 'bo': {'age': 28}}
    print(db == other, db != other)
    other['bo']['age'] = 0
    print(db == other)
    c = db.copy()
    c['cy'] = {}
    c['ann']['age'] = 99
    print(db, c)
    deep = {1: {2: {3: 'x'}}}
    print(deep, deep[1][2][3])
    totals = {}
    for user in db:
        s = 0
        for k in db[user]:
            s += db[user][k]
        totals[user] = s
    print(totals)
    sets = {'a': {1}, 'b': set()}
    sets['b'].add(5)
    print(sets['a'] == {1}, len(sets['b']), sets['b'])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
