using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LlmErs.TorchComparison;

/// <summary>
/// The sequential model of <c>LlmErs.Recommenders</c> (ID only) written in TorchSharp: item embeddings (index 0 pads) plus
/// learned positions, pre-norm blocks of one-head causal attention and a ReLU feed-forward layer, dropout after the input,
/// the attention output and both feed-forward layers, a final layer norm, and each position scored against every item
/// embedding with full-softmax cross-entropy.
/// </summary>
internal sealed class TorchSasRec : nn.Module<Tensor, Tensor>
{
    private readonly Embedding _items;
    private readonly Embedding _positions;
    private readonly ModuleList<Block> _blocks;
    private readonly LayerNorm _final;
    private readonly Dropout _dropout;
    private readonly Tensor _causal;

    public TorchSasRec(int itemCount, int dimension, int blocks, int maxLength, double dropout, double deviation)
        : base(nameof(TorchSasRec))
    {
        _items = nn.Embedding(itemCount + 1, dimension, padding_idx: 0);
        _positions = nn.Embedding(maxLength, dimension);
        _blocks = nn.ModuleList([.. Enumerable.Range(0, blocks).Select(_ => new Block(dimension, dropout))]);
        _final = nn.LayerNorm(dimension);
        _dropout = nn.Dropout(dropout);
        _causal = ones(maxLength, maxLength, dtype: ScalarType.Bool).triu(1);
        RegisterComponents();

        using (no_grad())
        {
            foreach (var (name, parameter) in named_parameters())
            {
                if (parameter.dim() > 1)
                {
                    nn.init.normal_(parameter, 0, deviation);
                }
            }

            _items.weight![0].zero_();
        }
    }

    /// <summary>The logits of every item at every position of <paramref name="sequences"/> (batch × length, 0 pads).</summary>
    public override Tensor forward(Tensor sequences)
    {
        var length = sequences.shape[1];
        var x = _dropout.call(_items.call(sequences) + _positions.call(arange(length)));
        var mask = _causal[..(int)length, ..(int)length];
        foreach (var block in _blocks)
        {
            x = block.Forward(x, mask);
        }

        return matmul(_final.call(x), _items.weight!.t());
    }

    private sealed class Block : nn.Module
    {
        private readonly LayerNorm _attentionNorm;
        private readonly Linear _query;
        private readonly Linear _key;
        private readonly Linear _value;
        private readonly Linear _output;
        private readonly LayerNorm _feedForwardNorm;
        private readonly Linear _hidden;
        private readonly Linear _back;
        private readonly Dropout _dropout;
        private readonly double _scale;

        public Block(int dimension, double dropout)
            : base(nameof(Block))
        {
            _attentionNorm = nn.LayerNorm(dimension);
            _query = nn.Linear(dimension, dimension);
            _key = nn.Linear(dimension, dimension);
            _value = nn.Linear(dimension, dimension);
            _output = nn.Linear(dimension, dimension);
            _feedForwardNorm = nn.LayerNorm(dimension);
            _hidden = nn.Linear(dimension, dimension);
            _back = nn.Linear(dimension, dimension);
            _dropout = nn.Dropout(dropout);
            _scale = 1 / Math.Sqrt(dimension);
            RegisterComponents();
        }

        public Tensor Forward(Tensor x, Tensor causal)
        {
            var normalized = _attentionNorm.call(x);
            var scores = matmul(_query.call(normalized), _key.call(normalized).transpose(1, 2)) * _scale;
            var attention = matmul(scores.masked_fill(causal, double.NegativeInfinity).softmax(-1), _value.call(normalized));
            x = x + _dropout.call(_output.call(attention));
            var hidden = _dropout.call(nn.functional.relu(_hidden.call(_feedForwardNorm.call(x))));
            return x + _dropout.call(_back.call(hidden));
        }
    }
}
