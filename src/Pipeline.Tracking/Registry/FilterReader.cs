using System.Globalization;
using System.Text;
using Pipeline.Tracking.Search;

namespace Pipeline.Tracking.Registry;

/// <summary>A cursor over a filter string for <see cref="RegistryFilterParser"/>; positions are zero-based offsets.</summary>
internal sealed class FilterReader(string text)
{
    public string Text { get; } = text;

    public int Position { get; private set; }

    public bool AtEnd
    {
        get
        {
            SkipSpace();
            return Position >= Text.Length;
        }
    }

    public string Rest => Text[Position..];

    public char? Peek()
    {
        SkipSpace();
        return Position < Text.Length ? Text[Position] : null;
    }

    public void SkipSpace()
    {
        while (Position < Text.Length && char.IsWhiteSpace(Text[Position]))
        {
            Position++;
        }
    }

    /// <summary>Letters, digits, '_' and '.', as in <c>tags.mlflow.source.name</c>.</summary>
    public string ReadWord()
    {
        SkipSpace();
        var start = Position;
        while (Position < Text.Length && (char.IsLetterOrDigit(Text[Position]) || Text[Position] is '_' or '.'))
        {
            Position++;
        }

        return Text[start..Position];
    }

    public bool TrySymbol(string symbol)
    {
        SkipSpace();
        if (string.CompareOrdinal(Text, Position, symbol, 0, symbol.Length) != 0)
        {
            return false;
        }

        Position += symbol.Length;
        return true;
    }

    /// <summary>A case-insensitive keyword that ends at a word boundary.</summary>
    public bool TryKeyword(string keyword)
    {
        SkipSpace();
        var end = Position + keyword.Length;
        if (end > Text.Length || string.Compare(Text, Position, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) != 0
            || (end < Text.Length && (char.IsLetterOrDigit(Text[end]) || Text[end] == '_')))
        {
            return false;
        }

        Position = end;
        return true;
    }

    /// <summary>A string in ', " or ` quotes; a doubled quote character stands for itself.</summary>
    public string ReadQuoted()
    {
        SkipSpace();
        var start = Position;
        var quote = Text[Position++];
        var value = new StringBuilder();
        while (Position < Text.Length)
        {
            var c = Text[Position++];
            if (c != quote)
            {
                value.Append(c);
            }
            else if (Position < Text.Length && Text[Position] == quote)
            {
                value.Append(quote);
                Position++;
            }
            else
            {
                return value.ToString();
            }
        }

        throw new SearchSyntaxException($"Unterminated {quote} quote starting at position {start}.", start);
    }

    /// <summary>A quoted string, a number (as double) or a list of quoted strings.</summary>
    public object ReadValue()
    {
        var c = Peek();
        var at = Position;
        switch (c)
        {
            case '\'' or '"':
                return ReadQuoted();
            case '(':
                return ReadList();
            case not null when char.IsDigit(c.Value) || c is '-' or '+' or '.':
                var start = Position++;
                while (Position < Text.Length && (char.IsDigit(Text[Position]) || Text[Position] is '.' or 'e' or 'E'))
                {
                    Position++;
                }

                return double.TryParse(Text[start..Position], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : throw new SearchSyntaxException($"Invalid number '{Text[start..Position]}' at position {start}.", start);
            default:
                var word = ReadWord();
                throw new SearchSyntaxException(
                    $"Expected a quoted string value or a list of quoted string values for attributes. Got value {(word.Length > 0 ? word : "end of filter")} at position {at}", at);
        }
    }

    private List<string> ReadList()
    {
        Position++;
        var values = new List<string>();
        while (true)
        {
            var at = Position;
            if (Peek() is not ('\'' or '"'))
            {
                throw new SearchSyntaxException($"Expected a quoted string in the list at position {at}.", at);
            }

            values.Add(ReadQuoted());
            if (TrySymbol(")"))
            {
                return values;
            }

            if (!TrySymbol(","))
            {
                throw new SearchSyntaxException($"Expected ',' or ')' in the list at position {Position}.", Position);
            }
        }
    }
}
