using System;

namespace Nonprofit.Privacy;

/// <summary>What an operator may use while it redacts one text: the pseudonym scope, the vault and the hash key.</summary>
/// <param name="Scope">The scope of consistent pseudonyms, for example a conversation id (never personal data).</param>
/// <param name="Vault">The store of pseudonyms.</param>
/// <param name="HashKey">The HMAC key of <see cref="RedactionOperator.KeyedHash"/>; empty when none is configured.</param>
public sealed record RedactionContext(string Scope, IPseudonymVault Vault, ReadOnlyMemory<byte> HashKey);
