# Dynamic programming on flat lists: 0/1 knapsack, longest common subsequence, coin change.


def knapsack(weights, values, capacity):
    best = []
    for c in range(capacity + 1):
        best.append(0)
    for i in range(len(weights)):
        w = weights[i]
        v = values[i]
        c = capacity
        while c >= w:
            if best[c - w] + v > best[c]:
                best[c] = best[c - w] + v
            c -= 1
    return best[capacity]


def lcs(a, b):
    n = len(a)
    m = len(b)
    table = []
    for i in range((n + 1) * (m + 1)):
        table.append(0)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if a[i - 1] == b[j - 1]:
                table[i * (m + 1) + j] = table[(i - 1) * (m + 1) + j - 1] + 1
            else:
                table[i * (m + 1) + j] = max(table[(i - 1) * (m + 1) + j], table[i * (m + 1) + j - 1])
    return table[n * (m + 1) + m]


def coin_ways(coins, amount):
    ways = [1]
    for i in range(amount):
        ways.append(0)
    for coin in coins:
        for a in range(coin, amount + 1):
            ways[a] = ways[a] + ways[a - coin]
    return ways[amount]


def main(argv):
    print(knapsack([1, 3, 4, 5], [1, 4, 5, 7], 7))
    print(knapsack([10, 20, 30], [60, 100, 120], 50))
    print(knapsack([], [], 10), knapsack([5], [10], 4))
    print(lcs("AGGTAB", "GXTXAYB"), lcs("", "abc"), lcs("abcdef", "abcdef"), lcs("abc", "xyz"))
    print(lcs("the quick brown fox", "a quick brown dog jumps"))
    print(coin_ways([1, 2, 5], 5), coin_ways([2], 3), coin_ways([1, 5, 10, 25, 50], 100))
    print(coin_ways([1, 2, 5, 10, 20, 50, 100, 200], 200))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
