// Plain Kotlin (no Android imports): see VerdictView.kt.
//
// State holders for the three "type something, check it" screens. They
// hold the form and the last answer in a StateFlow (kotlinx.coroutines —
// plain JVM, no AndroidX), call the SDK synchronously (a check takes
// microseconds; the UI still calls them off the main thread because a
// store-backed check may read the disk), and never let an SDK exception
// escape: it becomes CheckResult.Failed with a message fit to show.
package org.fanzha.sample.logic

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import org.fanzha.Channel
import org.fanzha.FanzhaException
import org.fanzha.GuardInterface
import org.fanzha.NumberContext
import org.fanzha.StirResult
import org.fanzha.Verdict

/** The answer area of a screen. */
sealed interface CheckResult {
    object Idle : CheckResult

    data class Done(
        val verdict: Verdict,
        val view: VerdictView,
        /** The example this check came from, if any. */
        val example: Example?,
        /** Null when it matched the example's expectations (or there was none). */
        val mismatch: String?,
    ) : CheckResult

    data class Failed(val message: String) : CheckResult
}

/**
 * Text for an SDK failure. FanzhaException messages never carry the
 * checked value (the SDK's contract), so they are safe to show and log.
 */
fun failureText(e: Throwable, lang: UiLang): String {
    val head = UiText.get(lang, UiText.Key.CHECK_FAILED)
    return when (e) {
        is FanzhaException.InvalidInput -> "$head: ${e.why}"
        is FanzhaException -> {
            val detail = e.message?.takeIf { it.isNotBlank() }?.let { " ($it)" } ?: ""
            "$head: ${e::class.simpleName ?: "error"}$detail"
        }
        else -> "$head: ${e::class.simpleName ?: "error"}"
    }
}

/** Runs `check` and turns the answer into a [CheckResult]. */
internal inline fun runCheck(lang: UiLang, example: Example?, check: () -> Verdict): CheckResult = try {
    val v = check()
    CheckResult.Done(v, VerdictView.of(v, lang), example, example?.mismatch(v))
} catch (e: FanzhaException) {
    CheckResult.Failed(failureText(e, lang))
} catch (e: Exception) {
    // A panic in the library arrives as an exception (InternalException):
    // show it, don't crash.
    CheckResult.Failed(failureText(e, lang))
}

// --- Number ------------------------------------------------------------------

data class NumberForm(
    val number: String = "",
    val inContacts: Boolean = false,
    val asSms: Boolean = false,
    val callsLastHour: Int = 0,
    val stir: StirResult? = null,
    val result: CheckResult = CheckResult.Idle,
    val example: Example? = null,
)

/** Builds the SDK's NumberContext from the form's facts. */
fun NumberForm.context(): NumberContext = NumberContext(
    channel = if (asSms) Channel.SMS else Channel.CALL,
    inContacts = inContacts,
    stir = stir,
    callsLastHour = callsLastHour.coerceAtLeast(0),
)

class NumberCheckModel(private val guard: GuardInterface, private val lang: UiLang) {
    private val _state = MutableStateFlow(NumberForm())
    val state: StateFlow<NumberForm> = _state.asStateFlow()

    fun setNumber(s: String) = _state.update { it.copy(number = s, example = null) }

    fun setInContacts(b: Boolean) = _state.update { it.copy(inContacts = b, example = null) }

    fun setAsSms(b: Boolean) = _state.update { it.copy(asSms = b, example = null) }

    fun setCallsLastHour(n: Int) = _state.update { it.copy(callsLastHour = n.coerceIn(0, 99), example = null) }

    fun setStir(s: StirResult?) = _state.update { it.copy(stir = s, example = null) }

    /** Fills the form from a script line (its options: `sms`, `contact`, `calls=N`, `stir=…`). */
    fun useExample(e: Example) = _state.update {
        NumberForm(
            number = e.input,
            inContacts = e.flag("contact"),
            asSms = e.flag("sms"),
            callsLastHour = e.option("calls")?.toIntOrNull() ?: 0,
            stir = e.option("stir")?.let { parseStir(it) },
            example = e,
        )
    }

    fun check() {
        val form = _state.value
        val result = runCheck(lang, form.example) { guard.checkNumber(form.number, form.context()) }
        _state.update { it.copy(result = result) }
    }

    companion object {
        fun parseStir(s: String): StirResult? = when (s.lowercase()) {
            "verified", "passed" -> StirResult.VERIFIED
            "failed" -> StirResult.FAILED
            "not_verified", "unverified" -> StirResult.NOT_VERIFIED
            else -> null
        }
    }
}

// --- Link --------------------------------------------------------------------

data class LinkForm(
    val url: String = "",
    val result: CheckResult = CheckResult.Idle,
    val example: Example? = null,
    /** Set when the screen was opened by a share whose text had no link. */
    val sharedWithoutLink: Boolean = false,
)

class LinkCheckModel(private val guard: GuardInterface, private val lang: UiLang) {
    private val _state = MutableStateFlow(LinkForm())
    val state: StateFlow<LinkForm> = _state.asStateFlow()

    fun setUrl(s: String) = _state.update { it.copy(url = s, example = null, sharedWithoutLink = false) }

    fun useExample(e: Example) = _state.update { LinkForm(url = e.input, example = e) }

    /**
     * Text shared from another app (ACTION_SEND): pick the first link in
     * it and check it at once. Returns false when there was none.
     */
    fun onShared(text: String?): Boolean {
        val link = SharedText.firstLink(text)
        if (link == null) {
            _state.update { LinkForm(url = text?.take(500) ?: "", sharedWithoutLink = true) }
            return false
        }
        _state.update { LinkForm(url = link) }
        check()
        return true
    }

    fun check() {
        val form = _state.value
        val result = runCheck(lang, form.example) { guard.checkLink(form.url.trim()) }
        _state.update { it.copy(result = result) }
    }
}

// --- Message -----------------------------------------------------------------

data class MessageForm(
    val sender: String = "",
    val body: String = "",
    val result: CheckResult = CheckResult.Idle,
    val example: Example? = null,
)

class MessageCheckModel(private val guard: GuardInterface, private val lang: UiLang) {
    private val _state = MutableStateFlow(MessageForm())
    val state: StateFlow<MessageForm> = _state.asStateFlow()

    fun setSender(s: String) = _state.update { it.copy(sender = s, example = null) }

    fun setBody(s: String) = _state.update { it.copy(body = s, example = null) }

    /** Script options: `sender=…`. */
    fun useExample(e: Example) = _state.update {
        MessageForm(sender = e.option("sender") ?: "", body = e.input, example = e)
    }

    fun check() {
        val form = _state.value
        val sender = form.sender.trim().ifEmpty { null }
        val result = runCheck(lang, form.example) { guard.checkMessage(sender, form.body) }
        _state.update { it.copy(result = result) }
    }
}

/** Finding a link in text someone shared with the app. */
object SharedText {
    // Scheme links first; then bare hosts like "icbc-secure.top/login"
    // (what people paste from chats). ASCII only: a link ends where
    // Chinese text or full-width punctuation starts ("打开x.top/a领取").
    // Bounded: shared text can be long.
    private const val PATH = """[!#-&*-;=?-\[\]_a-z~%]"""
    private val SCHEME = Regex("""(?i)(?<![a-z0-9.+-])(?:https?|ftp)://$PATH+""")
    private val BARE = Regex("""(?i)(?<![a-z0-9.@-])(?:[a-z0-9-]+\.)+[a-z]{2,24}(?::\d{1,5})?(?:/$PATH*)?(?![a-z0-9-])""")
    private const val MAX_SCAN = 64 * 1024

    fun firstLink(text: String?): String? {
        if (text.isNullOrBlank()) return null
        val t = if (text.length > MAX_SCAN) text.substring(0, MAX_SCAN) else text
        SCHEME.find(t)?.let { return it.value.trimEnd('.', ',', ';', ':', '!', '?') }
        BARE.find(t)?.let { return it.value.trimEnd('.', ',', ';', ':', '!', '?') }
        return null
    }
}
