namespace Nonprofit.AI.Guards;

/// <summary>Options of <see cref="PiiRedactionChatClient"/>.</summary>
public sealed class PiiRedactionOptions
{
    /// <summary>
    /// Gets or sets whether pseudonyms in the model's reply are restored to the original values before the user sees
    /// them. When <see langword="false"/> the reply keeps the pseudonyms (for example <c>&lt;PERSON_1&gt;</c>).
    /// </summary>
    /// <remarks>
    /// The strings in the reply's function-call arguments (also inside nested JSON) are restored too, so that a tool
    /// invoked outside the guard (a <c>FunctionInvokingChatClient</c>) gets the real values; this needs
    /// <see cref="RedactAssistantHistory"/> as well, which pseudonymises those calls again when the tool loop sends them
    /// back to the model. With <see cref="RedactAssistantHistory"/> off, the arguments keep their pseudonyms. An argument
    /// is restored only when pseudonymising it again by detection gives back exactly what the model sent, so the round
    /// trip stays closed. A value the detector finds only in its context (a name after "my name is") stays a pseudonym
    /// for the tool, with any vault: a vault that lists its values
    /// (<see cref="Nonprofit.Privacy.IPseudonymVault.GetKnownValues"/>) finds only a verbatim repeat of it again, so a
    /// tool that returned the real value split, reordered or in part (a surname field) would send that part to the model.
    /// What the list does protect: a verbatim repeat (ignoring case) of a value in a later turn, a tool's result, the
    /// history or a call's arguments (any run of white space may stand between a multi-word value's words); not one
    /// without its accents, reordered or in part.
    /// </remarks>
    /// <value>The default is <see langword="true"/>.</value>
    public bool RestoreInReply { get; set; } = true;

    /// <summary>
    /// Gets or sets the key of <c>ChatOptions.AdditionalProperties</c> that holds the conversation id. When
    /// <see langword="null"/>, <c>ChatOptions.ConversationId</c> is used.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    /// <remarks>
    /// Pseudonyms are kept per conversation, so that "Amina" is <c>&lt;PERSON_1&gt;</c> in every turn of one conversation
    /// and the model can follow who is who; a request without a conversation id gets a fresh scope that is cleared when
    /// its response ends. Scopes are never shared between conversations.
    /// </remarks>
    public string? ConversationIdKey { get; set; }

    /// <summary>
    /// Gets or sets whether earlier assistant messages in the history are pseudonymised too. They hold the restored
    /// values the user saw, so without this the next turn would send them to the model.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool RedactAssistantHistory { get; set; } = true;
}
