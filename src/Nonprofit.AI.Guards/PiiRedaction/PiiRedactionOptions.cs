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
    /// is restored only when pseudonymising it again gives back exactly what the model sent. A value the detector finds
    /// only in its context (a name after "my name is") is found alone again when the vault lists its values
    /// (<see cref="Nonprofit.Privacy.IPseudonymVault.GetKnownValues"/>, as the in-memory vault does), so the tool gets the
    /// real value and its echo in the tool's result is pseudonymised; with a vault that cannot list, the tool gets the
    /// pseudonym instead of the value reaching the model.
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
