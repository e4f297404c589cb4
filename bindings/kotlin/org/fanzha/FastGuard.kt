// Hand-written, shipped beside the generated bindings (fanzha_ffi.kt): the
// Android build copies it into the AAR module, the JVM tests compile it
// with the generated code. See bindings/src/fast.rs for the Rust side.
package org.fanzha

import com.sun.jna.Native
import com.sun.jna.Pointer
import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.util.concurrent.atomic.AtomicBoolean
import java.util.concurrent.atomic.AtomicLong

/**
 * The number, link and message checks of a [Guard], each one direct native
 * call: for hosts that check in a hot path (call screening with a deadline,
 * checking as the user types, a list of payees one by one).
 *
 * Answers exactly what the same [Guard] method answers — the same [Verdict],
 * the same [FanzhaException] — several times faster: a [Guard] method call
 * goes through JNA with a call-status structure and one extra native call
 * per string or record argument, for the object handle and for freeing the
 * result, and that machinery, not the check, is most of its cost. Here the
 * arguments and the answer travel in per-thread buffers and only numbers
 * cross. For many items at once, the batch calls ([Guard.checkNumbers],
 * [Guard.checkLinks], [Guard.checkMessages]) are cheaper still.
 *
 * Thread-safe, like the guard. Holds a reference to the guard: [close] it
 * when done (or let it be garbage-collected); the [Guard] itself stays
 * usable either way. Calls after [close] throw [IllegalStateException].
 *
 * ```kotlin
 * val fast = FastGuard(guard)
 * val verdict = fast.checkNumber("+86 95588 0000", NumberContext(Channel.CALL))
 * ```
 */
class FastGuard(guard: Guard) : AutoCloseable {
    private val handle: Long = guard.uniffiCloneHandle()
    private val calls = AtomicLong(1)
    private val closed = AtomicBoolean(false)
    private val cleanable = UniffiLib.CLEANER.register(this, Release(handle))

    /** [Guard.checkNumber], one native call. */
    @Throws(FanzhaException::class)
    fun checkNumber(number: String, context: NumberContext): Verdict =
        call(
            OP_CHECK_NUMBER,
            FfiConverterString.allocationSize(number) + FfiConverterTypeNumberContext.allocationSize(context),
        ) {
            FfiConverterString.write(number, it)
            FfiConverterTypeNumberContext.write(context, it)
        }

    /** [Guard.checkLink], one native call. */
    @Throws(FanzhaException::class)
    fun checkLink(url: String): Verdict =
        call(OP_CHECK_LINK, FfiConverterString.allocationSize(url)) { FfiConverterString.write(url, it) }

    /** [Guard.checkMessage], one native call. */
    @Throws(FanzhaException::class)
    fun checkMessage(sender: String?, body: String): Verdict =
        call(
            OP_CHECK_MESSAGE,
            FfiConverterOptionalString.allocationSize(sender) + FfiConverterString.allocationSize(body),
        ) {
            FfiConverterOptionalString.write(sender, it)
            FfiConverterString.write(body, it)
        }

    /** Gives the guard reference back (once all running calls are done). */
    override fun close() {
        if (closed.compareAndSet(false, true) && calls.decrementAndGet() == 0L) {
            cleanable.clean()
        }
    }

    private inline fun call(op: Int, size: ULong, write: (ByteBuffer) -> Unit): Verdict {
        // The same guard against a close during the call as generated objects use.
        while (true) {
            val c = calls.get()
            check(c != 0L) { "FastGuard is closed" }
            check(c != Long.MAX_VALUE) { "FastGuard call counter overflow" }
            if (calls.compareAndSet(c, c + 1)) break
        }
        // A call made from inside another on this thread (a log sink that
        // checks something) gets buffers of its own: the outer call's
        // arguments are still being read.
        val shared = BUFFERS.get()
        val b = if (shared.busy) Buffers() else shared
        b.busy = true
        try {
            val input = b.input(size)
            write(input)
            var output = b.output
            var n = FastLib.fanzha_fast_call(handle, op, b.inputAddress, input.position(), b.outputAddress, output.capacity())
            if (n > output.capacity()) {
                output = b.growOutput(n)
                n = FastLib.fanzha_fast_take(b.outputAddress, output.capacity())
            }
            if (n < 1) throw InternalException("the native fast path refused a call (status $n)")
            output.clear()
            output.limit(n)
            return when (output.get()) {
                STATUS_OK -> FfiConverterTypeVerdict.read(output)
                STATUS_ERROR -> throw FfiConverterTypeFanzhaError.read(output)
                else -> throw InternalException(FfiConverterString.read(output))
            }
        } finally {
            b.busy = false
            if (calls.decrementAndGet() == 0L) cleanable.clean()
        }
    }

    // Not a closure: must not capture the FastGuard, or it would never be collected.
    private class Release(private val handle: Long) : Runnable {
        override fun run() = FastLib.fanzha_fast_release(handle)
    }

    /** One thread's argument and answer buffers (direct: Rust reads and writes them in place). */
    private class Buffers {
        var busy = false
        private var inputBuf: ByteBuffer = direct(4096)
        var inputAddress: Long = address(inputBuf)
            private set
        var output: ByteBuffer = direct(16384)
            private set
        var outputAddress: Long = address(output)
            private set

        /** The input buffer, cleared, with room for `size` bytes. */
        fun input(size: ULong): ByteBuffer {
            if (size > inputBuf.capacity().toULong()) {
                if (size > Int.MAX_VALUE.toULong()) throw IllegalArgumentException("argument too large")
                inputBuf = direct(size.toInt())
                inputAddress = address(inputBuf)
            }
            inputBuf.clear()
            return inputBuf
        }

        fun growOutput(size: Int): ByteBuffer {
            output = direct(size)
            outputAddress = address(output)
            return output
        }

        private fun direct(size: Int): ByteBuffer = ByteBuffer.allocateDirect(size).order(ByteOrder.BIG_ENDIAN)

        private fun address(buf: ByteBuffer): Long = Pointer.nativeValue(Native.getDirectBufferPointer(buf))
    }

    private companion object {
        // The ops and status bytes of bindings/src/fast.rs.
        const val OP_CHECK_NUMBER = 1
        const val OP_CHECK_LINK = 2
        const val OP_CHECK_MESSAGE = 3
        const val STATUS_OK: Byte = 0
        const val STATUS_ERROR: Byte = 1

        val BUFFERS: ThreadLocal<Buffers> = ThreadLocal.withInitial { Buffers() }
    }
}

/** The three C functions of bindings/src/fast.rs, through JNA's direct mapping (primitives only). */
internal object FastLib {
    init {
        // The library the generated bindings load (same override property).
        val name = System.getProperty("uniffi.component.fanzha_ffi.libraryOverride") ?: "fanzha_ffi"
        Native.register(FastLib::class.java, name)
    }

    external fun fanzha_fast_call(handle: Long, op: Int, input: Long, inputLen: Int, out: Long, outCap: Int): Int

    external fun fanzha_fast_take(out: Long, outCap: Int): Int

    external fun fanzha_fast_release(handle: Long)
}
