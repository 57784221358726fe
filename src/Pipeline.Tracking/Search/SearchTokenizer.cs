namespace Pipeline.Tracking.Search;

/// <summary>
/// Splits a filter or order-by into tokens. Identifiers may mix plain segments (letters, digits, <c>_</c>, <c>.</c>)
/// with backtick- or double-quoted segments (<c>metrics.`f1 score`</c>); strings are single-quoted with
/// <c>''</c> standing for one quote; numbers are SQL numerals (<c>-1</c>, <c>.5</c>, <c>2e-3</c>).
/// </summary>
internal sealed class SearchTokenizer(string text, SearchErrors errors)
{
    private const string OperatorChars = "=<>!~";
    private int _pos;

    public static List<SearchToken> Tokenize(string text, SearchErrors errors)
    {
        var tokenizer = new SearchTokenizer(text, errors);
        var tokens = new List<SearchToken>();
        SearchToken token;
        do
        {
            token = tokenizer.Next();
            tokens.Add(token);
        }
        while (token.Kind != SearchTokenKind.End);
        return tokens;
    }

    private SearchToken Next()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            _pos++;
        if (_pos >= text.Length)
            return new SearchToken(SearchTokenKind.End, "", "", text.Length);

        var start = _pos;
        var c = text[_pos];
        if (c == '(') return Single(SearchTokenKind.OpenParen);
        if (c == ')') return Single(SearchTokenKind.CloseParen);
        if (c == ',') return Single(SearchTokenKind.Comma);
        if (c == '\'') return ReadString(start);
        if (char.IsAsciiDigit(c) || ((c == '-' || c == '.') && char.IsAsciiDigit(Peek(1))))
            return ReadNumber(start);
        if (IsWordChar(c) || c == '`' || c == '"')
            return ReadIdentifier(start);
        if (OperatorChars.Contains(c))
        {
            while (_pos < text.Length && OperatorChars.Contains(text[_pos]))
                _pos++;
            return Make(SearchTokenKind.Operator, start, text[start.._pos]);
        }
        throw errors.At($"Unexpected character '{c}'", start);
    }

    private SearchToken Single(SearchTokenKind kind)
    {
        _pos++;
        return Make(kind, _pos - 1, text[(_pos - 1).._pos]);
    }

    private SearchToken ReadString(int start)
    {
        var value = new System.Text.StringBuilder();
        _pos++;
        while (true)
        {
            if (_pos >= text.Length)
                throw errors.At("Unterminated string literal", start);
            var c = text[_pos++];
            if (c != '\'')
            {
                value.Append(c);
                continue;
            }
            if (Peek(0) != '\'')
                return new SearchToken(SearchTokenKind.String, text[start.._pos], value.ToString(), start);
            value.Append('\'');
            _pos++;
        }
    }

    private SearchToken ReadNumber(int start)
    {
        if (text[_pos] == '-') _pos++;
        SkipDigits();
        if (Peek(0) == '.')
        {
            _pos++;
            SkipDigits();
        }
        if (Peek(0) is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '-' or '+' && char.IsAsciiDigit(Peek(2)))))
        {
            _pos += 2;
            SkipDigits();
        }
        // "1abc" is neither a number nor an identifier in SQL: report it whole rather than as two tokens.
        if (_pos < text.Length && (IsWordChar(text[_pos]) || text[_pos] == '.'))
        {
            while (_pos < text.Length && (IsWordChar(text[_pos]) || text[_pos] == '.')) _pos++;
            throw errors.At($"Invalid number '{text[start.._pos]}'", start);
        }
        return Make(SearchTokenKind.Number, start, text[start.._pos]);
    }

    private SearchToken ReadIdentifier(int start)
    {
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (IsWordChar(c) || c == '.')
            {
                _pos++;
            }
            else if (c is '`' or '"')
            {
                var close = text.IndexOf(c, _pos + 1);
                if (close < 0)
                    throw errors.At($"Unterminated quoted identifier (missing closing {c})", _pos);
                _pos = close + 1;
            }
            else
            {
                break;
            }
        }
        return Make(SearchTokenKind.Identifier, start, text[start.._pos]);
    }

    private void SkipDigits()
    {
        while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
    }

    private char Peek(int ahead) => _pos + ahead < text.Length ? text[_pos + ahead] : '\0';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static SearchToken Make(SearchTokenKind kind, int start, string textOrValue) =>
        new(kind, textOrValue, textOrValue, start);
}
