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
    /// is restored only when pseudonymising it again gives back exactly what the model sent: a value the detector finds
    /// only in its context (a name after "my name is") would not be found alone in the next request, so the tool gets
    /// the pseudonym instead of the value reaching the model.
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

    /// <summary>
    /// Gets or sets whether every pseudonym in the reply's function-call arguments is restored for the tool, also a
    /// value the detector finds only in its context (a name after "my name is", then the name alone as an argument).
    /// Opt-in: read the remarks for what it changes and the risk.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Off (the default), an argument is restored only when pseudonymising it again gives back exactly what the model
    /// sent (see <see cref="RestoreInReply"/>), so a context-only value stays a pseudonym for the tool.
    /// </para>
    /// <para>
    /// On (it needs <see cref="RestoreInReply"/> and <see cref="RedactAssistantHistory"/>), every pseudonym of the
    /// scope is restored into the call the app or a <c>FunctionInvokingChatClient</c> receives, and the guard keeps the
    /// model's own arguments in two places: on the restored call, as a JSON string in its
    /// <see cref="Microsoft.Extensions.AI.AIContent.AdditionalProperties"/> under
    /// <see cref="PiiRedactionChatClient.ModelArgumentsKey"/>, and in a bounded map of this guard instance keyed by
    /// conversation and call id (conversations with an id only; it holds the model's arguments, never a restored
    /// value). When the call comes back in the history, each top-level argument whose model version, restored in the
    /// current conversation, equals the call's current value (compared as canonical JSON) is sent as the model wrote
    /// it (still through detection); an argument the app changed, or a call whose model arguments are in neither
    /// place, goes through detection alone. The key is removed from what the inner client receives.
    /// </para>
    /// <para>
    /// The risk: a context-only value now sits in the call with its real value, and only the kept model arguments stop
    /// it from reaching the model in the next request. If both are lost — the app stores its history without
    /// <c>AdditionalProperties</c> and the map no longer holds the call (another guard instance or process, the
    /// conversation forgotten, or more calls since than the map keeps) — or if the app edits that argument, detection
    /// alone decides and a value it does not find alone reaches the model. Keep <c>AdditionalProperties</c> when you
    /// store a history, and let no untrusted party set <see cref="PiiRedactionChatClient.ModelArgumentsKey"/>: the guard
    /// sends what it holds (through detection) when it restores to the call's arguments.
    /// </para>
    /// </remarks>
    /// <value>The default is <see langword="false"/>.</value>
    public bool RestoreAllFunctionCallArguments { get; set; }

    /// <summary>How many calls' model arguments the guard keeps (see <see cref="RestoreAllFunctionCallArguments"/>).</summary>
    internal int ModelArgumentsCapacity { get; set; } = 4096;
}
