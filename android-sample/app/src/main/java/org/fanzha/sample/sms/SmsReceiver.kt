package org.fanzha.sample.sms

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.provider.Telephony
import android.util.Log
import org.fanzha.sample.Alerts
import org.fanzha.sample.GuardHolder
import org.fanzha.sample.logic.Policy
import kotlin.concurrent.thread

/**
 * Checks each incoming SMS (SMS_RECEIVED, needs RECEIVE_SMS) and notifies
 * on suspicious and dangerous ones. It only reads: the messaging app still
 * receives and shows every message. Multi-part messages are joined per
 * sender before the check.
 *
 * RECEIVE_SMS is a restricted permission: a sideloaded test build can be
 * granted it in Settings, but a store build needs the default-SMS role or
 * the notification-access route ([SmsNotificationListener]) — README.
 */
class SmsReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        if (intent.action != Telephony.Sms.Intents.SMS_RECEIVED_ACTION) return
        val parts = Telephony.Sms.Intents.getMessagesFromIntent(intent) ?: return
        val bySender = parts.filterNotNull().groupBy { it.displayOriginatingAddress ?: it.originatingAddress ?: "" }
        val app = context.applicationContext
        val pending = goAsync()
        thread(name = "fanzha-sms") {
            try {
                for ((sender, msgs) in bySender) {
                    val body = msgs.joinToString("") { it.displayMessageBody ?: it.messageBody ?: "" }
                    checkAndNotify(app, sender.ifBlank { null }, body)
                }
            } finally {
                pending.finish()
            }
        }
    }

    companion object {
        private const val TAG = "FanzhaSample"

        /** Shared with the notification listener. */
        fun checkAndNotify(context: Context, sender: String?, body: String) {
            if (body.isBlank()) return
            try {
                val v = GuardHolder.get(context).checkMessage(sender, body)
                Policy.smsAlert(v, GuardHolder.lang)?.let { Alerts.post(context, it, kind = "message", input = null) }
            } catch (e: Exception) {
                Log.w(TAG, "message check failed: ${e::class.java.simpleName}")
            }
        }
    }
}
