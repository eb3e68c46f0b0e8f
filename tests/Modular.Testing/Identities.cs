namespace Modular.Testing;

/// <summary>Valid personal identifiers for test records, computed rather than copied from real people.</summary>
public static class Identities
{
    /// <summary>A valid GB 11643 resident ID number: the check character computed from the 17 digits.</summary>
    public static string IdNumber(string first17 = "52052719850312041")
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }
}
