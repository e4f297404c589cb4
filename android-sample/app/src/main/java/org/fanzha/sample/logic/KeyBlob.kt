// Plain Kotlin (no Android imports): see VerdictView.kt.
package org.fanzha.sample.logic

/**
 * The wrapped-data-key blob the app's KeyProvider hands the SDK to keep.
 *
 * The SDK creates a random data key for its store and asks the host to
 * wrap it; the host's key never leaves the Android Keystore (or the iOS
 * Keychain / Secure Enclave). The blob is opaque to the SDK:
 *
 *     "FZW" | version (1) | iv length (1) | iv | AES-GCM ciphertext + 16-byte tag
 *
 * Parsing is strict so a damaged or foreign blob is a clean "wrong key"
 * instead of a Keystore exception deep in the cipher.
 */
class KeyBlob(val iv: ByteArray, val sealed: ByteArray) {
    fun encode(): ByteArray {
        require(iv.size in 1..255) { "iv length" }
        val out = ByteArray(MAGIC.size + 2 + iv.size + sealed.size)
        MAGIC.copyInto(out, 0)
        out[MAGIC.size] = VERSION
        out[MAGIC.size + 1] = iv.size.toByte()
        iv.copyInto(out, MAGIC.size + 2)
        sealed.copyInto(out, MAGIC.size + 2 + iv.size)
        return out
    }

    companion object {
        private val MAGIC = byteArrayOf('F'.code.toByte(), 'Z'.code.toByte(), 'W'.code.toByte())
        private const val VERSION: Byte = 1
        /** AES-GCM tag length in bytes (the Keystore default, 128 bits). */
        const val TAG_BYTES = 16

        /** Null when `bytes` is not a blob this app wrote. */
        fun decode(bytes: ByteArray): KeyBlob? {
            val head = MAGIC.size + 2
            if (bytes.size < head) return null
            for (i in MAGIC.indices) if (bytes[i] != MAGIC[i]) return null
            if (bytes[MAGIC.size] != VERSION) return null
            val ivLen = bytes[MAGIC.size + 1].toInt() and 0xFF
            if (ivLen == 0 || bytes.size < head + ivLen + TAG_BYTES + 1) return null
            val iv = bytes.copyOfRange(head, head + ivLen)
            val sealed = bytes.copyOfRange(head + ivLen, bytes.size)
            return KeyBlob(iv, sealed)
        }
    }
}

/** Mapping the SDK's log records onto Logcat (Android) or os.Logger (iOS). */
object LogFormat {
    /** Logcat tag for every SDK record. */
    const val TAG = "Fanzha"

    // android.util.Log priorities (stable public constants), so this stays plain Kotlin.
    const val VERBOSE = 2
    const val DEBUG = 3
    const val INFO = 4
    const val WARN = 5
    const val ERROR = 6

    fun priority(level: org.fanzha.LogLevel): Int = when (level) {
        org.fanzha.LogLevel.ERROR -> ERROR
        org.fanzha.LogLevel.WARN -> WARN
        org.fanzha.LogLevel.INFO -> INFO
        org.fanzha.LogLevel.DEBUG -> DEBUG
        org.fanzha.LogLevel.TRACE -> VERBOSE
    }

    /** "[fanzha_core::store] opened …", bounded so a runaway record can't flood Logcat. */
    fun line(target: String, message: String): String {
        val t = target.removePrefix("fanzha_")
        val body = if (message.length > 2000) message.take(2000) + "…" else message
        return "[$t] $body"
    }
}
