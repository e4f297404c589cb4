package org.fanzha.sample.screening

import android.os.Build
import android.os.SystemClock
import android.telecom.Call
import android.telecom.CallScreeningService
import android.telecom.CallScreeningService.CallResponse
import android.telecom.Connection
import android.telecom.TelecomManager
import android.util.Log
import org.fanzha.Channel
import org.fanzha.NumberContext
import org.fanzha.StirResult
import org.fanzha.sample.Alerts
import org.fanzha.sample.GuardHolder
import org.fanzha.sample.Prefs
import org.fanzha.sample.logic.CallDecision
import org.fanzha.sample.logic.Policy
import org.fanzha.sample.logic.RecentCalls

/**
 * Checks every incoming call once the user has given the app the
 * call-screening role (Status → "Screen calls"). Android binds it only for
 * numbers not in the contacts, and asks for an answer within a few
 * seconds; the check takes microseconds.
 *
 * block → rejected (kept in the call log, with a notification saying why);
 * confirm / warn → rings, with a notification carrying the verdict's title
 * and advice; 96110, 110 and official hotlines → rings, with a quiet
 * "official number" notice; clear → rings. Anything unexpected → rings:
 * the screener never rejects a call on an error.
 */
class ScreeningService : CallScreeningService() {
    override fun onScreenCall(details: Call.Details) {
        if (details.callDirection != Call.Details.DIRECTION_INCOMING) {
            respondToCall(details, CallResponse.Builder().build())
            return
        }
        val input = callerInput(details)
        var decision = CallDecision.RING
        try {
            val now = SystemClock.elapsedRealtime()
            val ctx = NumberContext(
                channel = Channel.CALL,
                // Android screens only numbers that are not in the contacts.
                inContacts = false,
                stir = stir(details),
                callsLastHour = RecentCalls.shared.countLastHour(input, now) + 1,
            )
            // The guard records every checked call in its journey, so a
            // transfer made during or soon after this call is judged with it.
            val v = GuardHolder.get(this).checkNumber(input, ctx)
            RecentCalls.shared.onScreened(v.normalized ?: input, v.level, now)
            decision = Policy.callDecision(v, GuardHolder.lang, Prefs.blockingEnabled(this))
        } catch (e: Exception) {
            // FanzhaException messages carry no number; other exceptions: class only.
            Log.w(TAG, "call check failed, letting it ring: ${e::class.java.simpleName}")
        }
        respondToCall(
            details,
            CallResponse.Builder()
                .setDisallowCall(decision.reject)
                .setRejectCall(decision.reject)
                .setSilenceCall(decision.silence)
                .setSkipCallLog(false)
                .setSkipNotification(false)
                .build(),
        )
        decision.alert?.let { Alerts.post(this, it, kind = "number", input = input) }
    }

    /** The caller as the SDK reads it: the number, or "Private" when withheld. */
    private fun callerInput(details: Call.Details): String {
        val number = details.handle?.schemeSpecificPart
        return if (number.isNullOrBlank() || details.handlePresentation != TelecomManager.PRESENTATION_ALLOWED) {
            "Private"
        } else {
            number
        }
    }

    /** The network's STIR/SHAKEN attestation (API 30+). */
    private fun stir(details: Call.Details): StirResult? {
        if (Build.VERSION.SDK_INT < 30) return null
        return when (details.callerNumberVerificationStatus) {
            Connection.VERIFICATION_STATUS_PASSED -> StirResult.VERIFIED
            Connection.VERIFICATION_STATUS_FAILED -> StirResult.FAILED
            else -> null
        }
    }

    private companion object {
        const val TAG = "FanzhaSample"
    }
}
