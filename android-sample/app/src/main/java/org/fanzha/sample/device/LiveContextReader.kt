package org.fanzha.sample.device

import android.Manifest
import android.accessibilityservice.AccessibilityServiceInfo
import android.content.Context
import android.content.pm.ApplicationInfo
import android.content.pm.PackageManager
import android.hardware.display.DisplayManager
import android.os.Build
import android.os.SystemClock
import android.telephony.PhoneStateListener
import android.telephony.TelephonyCallback
import android.telephony.TelephonyManager
import android.view.Display
import android.view.WindowManager
import android.view.accessibility.AccessibilityManager
import androidx.core.content.ContextCompat
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import org.fanzha.sample.logic.LiveContext
import org.fanzha.sample.logic.RecentCalls
import java.util.concurrent.Executor
import java.util.function.Consumer

/**
 * What the phone is doing, for the mock transfer: the live context a bank
 * app would pass to the payment check. Start it when the transfer screen
 * shows, stop it when it goes.
 *
 * - **Call state** — TelephonyManager (TelephonyCallback on API 31+,
 *   PhoneStateListener before), needs READ_PHONE_STATE. The other party's
 *   number is not available without READ_CALL_LOG; the app uses the number
 *   its own call screener saw for the current call, else "unknown".
 * - **Screen sharing** — API 35+: WindowManager.addScreenRecordingCallback
 *   (is this app's window being recorded or cast?). Before that, a second
 *   display (casting, mirroring) is the only hint. The screen also has a
 *   manual switch for testing.
 * - **Accessibility** — an enabled accessibility service from an app that
 *   is not part of the system image (remote-control scams install one).
 * - **Remote access** — no public API lists running remote-control apps;
 *   the screen's manual switch stands in for it.
 */
class LiveContextReader(private val context: Context) {
    // `context` is the activity (WindowManager needs a visual context);
    // everything else uses the application context.
    private val app: Context = context.applicationContext

    private val _state = MutableStateFlow(LiveContext())
    val state: StateFlow<LiveContext> = _state.asStateFlow()

    private val tm = app.getSystemService(TelephonyManager::class.java)
    private val mainExecutor: Executor = ContextCompat.getMainExecutor(app)
    private var offHookSince: Long? = null
    private var telephonyCallback: Any? = null
    private var phoneStateListener: PhoneStateListener? = null
    private var recordingCallback: Consumer<Int>? = null
    private var recording = false

    fun start() {
        if (ContextCompat.checkSelfPermission(app, Manifest.permission.READ_PHONE_STATE) == PackageManager.PERMISSION_GRANTED && tm != null) {
            if (Build.VERSION.SDK_INT >= 31) {
                val cb = object : TelephonyCallback(), TelephonyCallback.CallStateListener {
                    override fun onCallStateChanged(state: Int) = onCallState(state)
                }
                tm.registerTelephonyCallback(mainExecutor, cb)
                telephonyCallback = cb
            } else {
                @Suppress("DEPRECATION")
                val l = object : PhoneStateListener() {
                    @Deprecated("Deprecated in Java")
                    override fun onCallStateChanged(state: Int, phoneNumber: String?) = onCallState(state)
                }
                @Suppress("DEPRECATION")
                tm.listen(l, PhoneStateListener.LISTEN_CALL_STATE)
                phoneStateListener = l
            }
        }
        if (Build.VERSION.SDK_INT >= 35 &&
            ContextCompat.checkSelfPermission(app, Manifest.permission.DETECT_SCREEN_RECORDING) == PackageManager.PERMISSION_GRANTED
        ) {
            val wm = context.getSystemService(WindowManager::class.java)
            val cb = Consumer<Int> { s ->
                recording = s == WindowManager.SCREEN_RECORDING_STATE_VISIBLE
                refresh()
            }
            if (wm != null) {
                recording = wm.addScreenRecordingCallback(mainExecutor, cb) == WindowManager.SCREEN_RECORDING_STATE_VISIBLE
                recordingCallback = cb
            }
        }
        refresh()
    }

    fun stop() {
        if (Build.VERSION.SDK_INT >= 31) {
            (telephonyCallback as? TelephonyCallback)?.let { tm?.unregisterTelephonyCallback(it) }
        }
        phoneStateListener?.let {
            @Suppress("DEPRECATION")
            tm?.listen(it, PhoneStateListener.LISTEN_NONE)
        }
        if (Build.VERSION.SDK_INT >= 35) {
            recordingCallback?.let { context.getSystemService(WindowManager::class.java)?.removeScreenRecordingCallback(it) }
        }
        telephonyCallback = null
        phoneStateListener = null
        recordingCallback = null
    }

    /** Re-reads what has no callback (displays, accessibility); call before a review. */
    fun refresh() {
        val now = SystemClock.elapsedRealtime()
        val inCall = offHookSince != null
        // The current call's number: the last call our screener saw, if it
        // rang shortly before the call went off-hook.
        val screened = offHookSince?.let { since -> RecentCalls.shared.last(withinMs = now - since + 60_000L, now = now) }
        _state.update {
            LiveContext(
                inCall = inCall,
                callNumber = if (inCall) screened?.number else null,
                callSeconds = offHookSince?.let { ((now - it) / 1000).toInt() } ?: 0,
                callInContacts = false,
                screenSharing = recording || extraDisplay(),
                remoteAccess = false,
                accessibilityService = thirdPartyAccessibility(),
            )
        }
    }

    private fun onCallState(state: Int) {
        offHookSince = when (state) {
            TelephonyManager.CALL_STATE_OFFHOOK -> offHookSince ?: SystemClock.elapsedRealtime()
            else -> null
        }
        refresh()
    }

    private fun extraDisplay(): Boolean {
        val dm = app.getSystemService(DisplayManager::class.java) ?: return false
        return dm.displays.any { it.displayId != Display.DEFAULT_DISPLAY }
    }

    private fun thirdPartyAccessibility(): Boolean {
        val am = app.getSystemService(AccessibilityManager::class.java) ?: return false
        return am.getEnabledAccessibilityServiceList(AccessibilityServiceInfo.FEEDBACK_ALL_MASK).any { info ->
            val appInfo = info.resolveInfo?.serviceInfo?.applicationInfo ?: return@any false
            appInfo.flags and ApplicationInfo.FLAG_SYSTEM == 0 && appInfo.packageName != app.packageName
        }
    }
}
