using KernelCI.Bench.KcidbIngest.Dataset.Model;

namespace KernelCI.Bench.KcidbIngest.Dataset;

internal sealed class CheckoutFactory(DatasetShape shape, long seed, IdFactory ids)
{
    public static Tree TreeOf(int checkout) => Vocabulary.Trees[checkout % Vocabulary.Trees.Count];

    public KcidbCheckout Create(int index)
    {
        var random = ObjectRandom.For(seed, ObjectKind.Checkout, index);
        var tree = TreeOf(index);
        var hash = random.Hex(40);
        var minor = 12 + index * 6 / shape.Checkouts;
        var rc = 1 + random.Next(7);
        var tag = $"v6.{minor}-rc{rc}";
        var tip = random.Next(10) != 0;
        return new KcidbCheckout(
            ids.NodeId(ObjectKind.Checkout, index),
            IdFactory.Origin,
            tree.Name,
            tree.Url,
            hash,
            $"{tag}-{random.Next(1, 900)}-g{hash[..12]}",
            random.Pick(tree.Branches),
            index % 8 == 0 ? [tag] : [],
            $"Merge branch '{random.Pick(tree.Branches)}' of {tree.Url}\n\nPull fixes for {tag} from the {tree.Name} tree.",
            tip,
            string.Empty,
            DatasetClock.CheckoutStart(index, shape.Checkouts),
            true,
            new CheckoutMisc("service:pipeline"));
    }
}
