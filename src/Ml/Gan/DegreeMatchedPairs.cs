namespace GanRsSandbox.Ml.Gan;

/// <summary>The distinct (user, item) pairs of a synthetic dataset and how many of them the GAN's own samples chose.</summary>
internal sealed record PairSet(int[] Users, int[] Items, int FromSamples, int Swaps);

/// <summary>
/// Builds exactly the requested number of distinct pairs with the target user and item degrees. The GAN's samples
/// decide first: in a seeded random order, each sample's (user cluster, item cluster) is kept while both still have
/// room, so the latent co-occurrence structure shapes who rates what. The room that is left is filled as a
/// degree-corrected random graph on the remaining degrees (P(u, i) ∝ rᵤ rᵢ): users who still need more than 5% of
/// the items draw theirs first, heaviest first; the rest are paired by shuffled stubs, a pair that already exists
/// being retried in a later round; the last few go heaviest first again, then by degree-preserving swaps. At
/// densities near one half with heavy tails a degree sequence may have no simple realisation, and a few pairs
/// (about 1% in the tests) stay unplaced.
/// </summary>
internal static class DegreeMatchedPairs
{
    private const int FillRounds = 30;

    /// <summary>A user who still needs more than this share of all items chooses before the random fill.</summary>
    private const double HeavyShare = 0.05;

    public static PairSet Build(int[] userDegrees, int[] itemDegrees, int[] sampleUsers, int[] sampleItems, int seed,
        CancellationToken cancellationToken = default)
    {
        var total = userDegrees.Sum(d => (long)d);
        if (total != itemDegrees.Sum(d => (long)d))
        {
            throw new ArgumentException("user and item degrees must sum to the same total");
        }
        var items = itemDegrees.Length;
        var random = new Random(seed);
        var userRoom = (int[])userDegrees.Clone();
        var itemRoom = (int[])itemDegrees.Clone();
        var chosen = new HashSet<long>((int)total);
        var outUsers = new int[total];
        var outItems = new int[total];
        var count = 0;
        long Key(int u, int i) => (long)u * items + i;

        var order = Enumerable.Range(0, sampleUsers.Length).ToArray();
        random.Shuffle(order);
        foreach (var s in order)
        {
            var (u, i) = (sampleUsers[s], sampleItems[s]);
            if (userRoom[u] > 0 && itemRoom[i] > 0 && chosen.Add(Key(u, i)))
            {
                (outUsers[count], outItems[count]) = (u, i);
                count++;
                userRoom[u]--;
                itemRoom[i]--;
            }
        }
        var fromSamples = count;

        // Users who still need a large share of the items would collide at random: they choose first, heaviest
        // first, each drawing the items it lacks with weights by their room (a randomised Havel–Hakimi).
        var heavy = Enumerable.Range(0, userRoom.Length).Where(u => userRoom[u] > HeavyShare * items).ToList();
        if (heavy.Count > 0)
        {
            var heavyStubs = heavy.SelectMany(u => Enumerable.Repeat(u, userRoom[u])).ToArray();
            foreach (var u in heavy)
            {
                userRoom[u] = 0;
            }
            var itemRoomNow = (int[])itemRoom.Clone();
            var stuck = Reassign(heavyStubs, itemRoomNow, items, chosen, random, (u, i) =>
            {
                (outUsers[count], outItems[count]) = (u, i);
                count++;
                itemRoom[i]--;
            });
            foreach (var u in stuck)
            {
                userRoom[u]++;
            }
        }

        var userStubs = Stubs(userRoom);
        var itemStubs = Stubs(itemRoom);
        for (var round = 0; round < FillRounds && userStubs.Length > 0; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(itemStubs);
            var leftUsers = new List<int>();
            var leftItems = new List<int>();
            for (var j = 0; j < userStubs.Length; j++)
            {
                if (chosen.Add(Key(userStubs[j], itemStubs[j])))
                {
                    (outUsers[count], outItems[count]) = (userStubs[j], itemStubs[j]);
                    count++;
                }
                else
                {
                    leftUsers.Add(userStubs[j]);
                    leftItems.Add(itemStubs[j]);
                }
            }
            (userStubs, itemStubs) = ([.. leftUsers], [.. leftItems]);
        }

        // What is left are mostly heavy users meeting items they already have. Heaviest first, each takes the items
        // it lacks, drawn without replacement with weights by their remaining room (as the stub pairing would).
        var roomLeft = new int[items];
        foreach (var i in itemStubs)
        {
            roomLeft[i]++;
        }
        userStubs = Reassign(userStubs, roomLeft, items, chosen, random, (u, i) =>
        {
            (outUsers[count], outItems[count]) = (u, i);
            count++;
        });
        itemStubs = Stubs(roomLeft);
        random.Shuffle(userStubs);

        // The last few: user u already has every item with room left. Swap with a pair (u2, i2) such that u lacks i2 and
        // u2 lacks i: (u2, i2) becomes (u2, i) and (u, i2) is added. Every degree stays as it was.
        var swaps = 0;
        if (userStubs.Length > 0)
        {
            var edgesOfItem = Enumerable.Range(0, items).Select(_ => new List<int>()).ToArray();
            for (var e = 0; e < count; e++)
            {
                edgesOfItem[outItems[e]].Add(e);
            }
            for (var j = 0; j < userStubs.Length; j++)
            {
                var (u, i) = (userStubs[j], itemStubs[j]);
                var done = false;
                for (var i2 = 0; i2 < items && !done; i2++)
                {
                    if (i2 == i || chosen.Contains(Key(u, i2)))
                    {
                        continue;
                    }
                    foreach (var e in edgesOfItem[i2])
                    {
                        var u2 = outUsers[e];
                        if (u2 == u || chosen.Contains(Key(u2, i)))
                        {
                            continue;
                        }
                        chosen.Remove(Key(u2, i2));
                        chosen.Add(Key(u2, i));
                        chosen.Add(Key(u, i2));
                        outItems[e] = i;
                        edgesOfItem[i2].Remove(e);
                        edgesOfItem[i].Add(e);
                        (outUsers[count], outItems[count]) = (u, i2);
                        edgesOfItem[i2].Add(count);
                        count++;
                        swaps++;
                        done = true;
                        break;
                    }
                }
            }
        }
        return new PairSet(outUsers[..count], outItems[..count], fromSamples, swaps);
    }

    /// <summary>
    /// Heaviest user first, each takes the items it lacks among those with room, drawn without replacement with
    /// weights by room; <paramref name="itemRoom"/> is used up as it goes. Returns the user stubs that found no item.
    /// </summary>
    private static int[] Reassign(int[] userStubs, int[] itemRoom, int items, HashSet<long> chosen, Random random, Action<int, int> add)
    {
        var leftUsers = new List<int>();
        foreach (var group in userStubs.GroupBy(u => u).OrderByDescending(g => g.Count()).ThenBy(g => g.Key))
        {
            var (u, need) = (group.Key, group.Count());
            // Efraimidis–Spirakis: the `need` smallest keys −ln(U)/w are a weighted draw without replacement.
            var picked = Enumerable.Range(0, items)
                .Where(i => itemRoom[i] > 0 && !chosen.Contains((long)u * items + i))
                .Select(i => (Item: i, Key: -Math.Log(1 - random.NextDouble()) / itemRoom[i]))
                .OrderBy(c => c.Key)
                .Take(need)
                .ToList();
            foreach (var (i, _) in picked)
            {
                chosen.Add((long)u * items + i);
                itemRoom[i]--;
                add(u, i);
            }
            leftUsers.AddRange(Enumerable.Repeat(u, need - picked.Count));
        }
        return [.. leftUsers];
    }

    private static int[] Stubs(int[] room)
    {
        var stubs = new int[room.Sum(r => (long)r)];
        var k = 0;
        for (var v = 0; v < room.Length; v++)
        {
            for (var r = 0; r < room[v]; r++)
            {
                stubs[k++] = v;
            }
        }
        return stubs;
    }
}
