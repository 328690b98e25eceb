namespace LlmErs.Recommenders;

/// <summary>
/// One mini-batch of (user, item i, item j) triples, each scored as <c>s(u, i) − s(u, j)</c>, with the distinct users
/// and items it touches numbered in order of first appearance ("slots"), so that a model encodes each once.
/// </summary>
/// <remarks>
/// Labeled triples are training pairs (i a positive, j a sampled negative); unlabeled ones are pairs that only a
/// distillation teacher judges, or augmented pairs (i preferred to j by another source, e.g. an LLM).
/// </remarks>
internal sealed class TripleBatch
{
    private readonly int[] _userSlotOf;
    private readonly int[] _itemSlotOf;

    public TripleBatch(int capacity, int userCount, int itemCount)
    {
        Users = new int[capacity];
        Positives = new int[capacity];
        Negatives = new int[capacity];
        Labeled = new bool[capacity];
        Augmented = new bool[capacity];
        UserSlots = new int[capacity];
        PositiveSlots = new int[capacity];
        NegativeSlots = new int[capacity];
        SlotUsers = new int[capacity];
        SlotItems = new int[2 * capacity];
        _userSlotOf = new int[userCount];
        _itemSlotOf = new int[itemCount];
        Array.Fill(_userSlotOf, -1);
        Array.Fill(_itemSlotOf, -1);
    }

    public int Count { get; private set; }

    public int LabeledCount { get; private set; }

    public int UserSlotCount { get; private set; }

    public int ItemSlotCount { get; private set; }

    public int Capacity => Users.Length;

    public int[] Users { get; }

    /// <summary>Item i of each triple: the positive of a labeled triple.</summary>
    public int[] Positives { get; }

    /// <summary>Item j of each triple: the sampled negative of a labeled triple.</summary>
    public int[] Negatives { get; }

    public bool[] Labeled { get; }

    /// <summary>Whether each triple is an augmented pair (<see cref="AugmentedPairs"/>): unlabeled, trained with the pairs' weight.</summary>
    public bool[] Augmented { get; }

    public int[] UserSlots { get; }

    public int[] PositiveSlots { get; }

    public int[] NegativeSlots { get; }

    /// <summary>The user of each user slot.</summary>
    public int[] SlotUsers { get; }

    /// <summary>The item of each item slot.</summary>
    public int[] SlotItems { get; }

    public void Clear()
    {
        for (var s = 0; s < UserSlotCount; s++)
        {
            _userSlotOf[SlotUsers[s]] = -1;
        }

        for (var s = 0; s < ItemSlotCount; s++)
        {
            _itemSlotOf[SlotItems[s]] = -1;
        }

        Count = LabeledCount = UserSlotCount = ItemSlotCount = 0;
    }

    public void Add(int user, int first, int second, bool labeled, bool augmented = false)
    {
        var t = Count++;
        Users[t] = user;
        Positives[t] = first;
        Negatives[t] = second;
        Labeled[t] = labeled;
        Augmented[t] = augmented;
        LabeledCount += labeled ? 1 : 0;
        UserSlots[t] = UserSlot(user);
        PositiveSlots[t] = ItemSlot(first);
        NegativeSlots[t] = ItemSlot(second);
    }

    private int UserSlot(int user)
    {
        if (_userSlotOf[user] < 0)
        {
            _userSlotOf[user] = UserSlotCount;
            SlotUsers[UserSlotCount++] = user;
        }

        return _userSlotOf[user];
    }

    private int ItemSlot(int item)
    {
        if (_itemSlotOf[item] < 0)
        {
            _itemSlotOf[item] = ItemSlotCount;
            SlotItems[ItemSlotCount++] = item;
        }

        return _itemSlotOf[item];
    }
}
