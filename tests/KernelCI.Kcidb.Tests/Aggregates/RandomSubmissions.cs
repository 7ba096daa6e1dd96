using System.Text.Json.Nodes;
using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Tests.Store;

namespace KernelCI.Kcidb.Tests.Aggregates;

/// <summary>Seeded random KCIDB objects over a few ids, so most are corrections of earlier ones: every field the
/// aggregates read is sometimes absent (a null never overwrites) and sometimes changed (a later value wins).</summary>
internal sealed class RandomSubmissions(int seed)
{
    private static readonly string?[] Statuses = [null, "PASS", "FAIL", "ERROR", "MISS", "DONE", "SKIP"];
    private static readonly string?[] Paths = [null, "boot", "boot.nfs", "ltp.a", "ltp.b", "kselftest", "baseline.login", "bootrr"];
    private static readonly string?[] Platforms = [null, "rpi", "beagle"];
    private static readonly string?[] Runtimes = [null, "lab-a", "lab-b"];
    private static readonly string[]?[] Compatibles = [null, [], ["a,b"], ["c", "d"]];
    private static readonly string?[] TreeNames = [null, "mainline", "next"];
    private static readonly string?[] Branches = [null, "master"];

    private readonly Random _random = new(seed);

    /// <summary>The objects in a random order, cut into submissions of 1 to 15 objects, grouped into batches of 1 to 4.</summary>
    public List<List<AcceptedSubmission>> Batches(int objects)
    {
        var all = Enumerable.Range(0, objects).Select(_ => NextObject()).ToList();
        var batches = new List<List<AcceptedSubmission>>();
        var submission = 0;
        var i = 0;
        while (i < all.Count)
        {
            var batch = new List<AcceptedSubmission>();
            for (var s = _random.Next(1, 5); s > 0 && i < all.Count; s--)
            {
                var document = new JsonObject { ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 } };
                for (var n = _random.Next(1, 16); n > 0 && i < all.Count; n--, i++)
                {
                    var (list, item) = all[i];
                    ((document[list] ??= new JsonArray()) as JsonArray)!.Add(item);
                }

                batch.Add(new AcceptedSubmission($"s{submission++}", KcidbSamples.Element(document.ToJsonString())));
            }

            batches.Add(batch);
        }

        return batches;
    }

    private (string List, JsonObject Item) NextObject() => _random.Next(100) switch
    {
        < 6 => ("checkouts", Checkout()),
        < 20 => ("builds", Build()),
        < 92 => ("tests", Test()),
        _ => ("incidents", Incident()),
    };

    // A tree name and a branch come and go separately: the issue aggregates count a checkout only with both.
    private JsonObject Checkout()
    {
        var checkout = new JsonObject { ["id"] = $"o:c{_random.Next(4)}", ["origin"] = "o" };
        Set(checkout, "tree_name", Pick(TreeNames));
        Set(checkout, "git_repository_branch", Pick(Branches));
        return checkout;
    }

    // Few incidents over a few issues and versions, so that they often move between them; each names a test, a build
    // (sometimes one never stored) or both.
    private JsonObject Incident()
    {
        var incident = new JsonObject
        {
            ["id"] = $"o:i{_random.Next(8)}", ["origin"] = "o", ["issue_id"] = $"o:x{_random.Next(3)}",
            ["issue_version"] = _random.Next(1, 4), ["present"] = _random.Next(2) == 0,
        };
        var target = _random.Next(3);
        if (target != 1)
        {
            incident["test_id"] = $"o:t{_random.Next(60)}";
        }

        if (target != 0)
        {
            incident["build_id"] = _random.Next(13) == 12 ? "o:never" : $"o:b{_random.Next(12)}";
        }

        return incident;
    }

    private JsonObject Build()
    {
        var id = _random.Next(12) switch
        {
            10 => "maestro:dummy_0",
            11 => "maestro:dummy_1",
            var n => $"o:b{n}",
        };
        var build = new JsonObject { ["id"] = id, ["origin"] = "o", ["checkout_id"] = $"o:c{_random.Next(4)}" };
        Set(build, "status", Pick(Statuses));
        return build;
    }

    private JsonObject Test()
    {
        var build = _random.Next(14) switch
        {
            12 => "maestro:dummy_0",
            13 => "o:never",
            var n => $"o:b{n}",
        };
        var test = new JsonObject { ["id"] = $"o:t{_random.Next(60)}", ["origin"] = _random.Next(4) == 0 ? "p" : "o", ["build_id"] = build };
        Set(test, "status", Pick(Statuses));
        Set(test, "path", Pick(Paths));
        var environment = new JsonObject();
        if (Pick(Platforms) is { } platform)
        {
            environment["misc"] = new JsonObject { ["platform"] = platform };
        }

        if (Pick(Compatibles) is { } compatibles)
        {
            environment["compatible"] = new JsonArray([.. compatibles.Select(c => (JsonNode)c)]);
        }

        if (environment.Count > 0)
        {
            test["environment"] = environment;
        }

        if (Pick(Runtimes) is { } runtime)
        {
            test["misc"] = new JsonObject { ["runtime"] = runtime };
        }

        return test;
    }

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];

    private static void Set(JsonObject item, string name, string? value)
    {
        if (value is not null)
        {
            item[name] = value;
        }
    }
}
