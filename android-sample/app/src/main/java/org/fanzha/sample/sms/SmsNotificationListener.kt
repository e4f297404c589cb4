package org.fanzha.sample.sms

import android.Manifest
import android.app.Notification
import android.content.pm.PackageManager
import android.provider.Telephony
import android.service.notification.NotificationListenerService
import android.service.notification.StatusBarNotification
import androidx.core.content.ContextCompat
import kotlin.concurrent.thread

/**
 * The route that needs no SMS permission: with notification access
 * (Settings → Notification access → Fanzha message check), read the
 * default messaging app's notifications and check their text.
 *
 * Weaker than SMS_RECEIVED, and the README says so: the sender is often a
 * contact name rather than a number, long messages may be cut, and it
 * depends on how the messaging app builds its notifications. Skipped when
 * RECEIVE_SMS is granted, so a message is not checked twice.
 */
class SmsNotificationListener : NotificationListenerService() {
    private val recent = ArrayDeque<String>()

    override fun onNotificationPosted(sbn: StatusBarNotification) {
        if (ContextCompat.checkSelfPermission(this, Manifest.permission.RECEIVE_SMS) == PackageManager.PERMISSION_GRANTED) return
        val smsApp = Telephony.Sms.getDefaultSmsPackage(this) ?: return
        if (sbn.packageName != smsApp) return
        val n = sbn.notification ?: return
        if (n.flags and Notification.FLAG_GROUP_SUMMARY != 0) return
        val extras = n.extras ?: return
        val sender = extras.getCharSequence(Notification.EXTRA_TITLE)?.toString()
        val text = (extras.getCharSequence(Notification.EXTRA_BIG_TEXT) ?: extras.getCharSequence(Notification.EXTRA_TEXT))
            ?.toString() ?: return
        // Messaging apps re-post a notification as it updates: check each text once.
        val key = "${sbn.key}|${text.hashCode()}"
        synchronized(recent) {
            if (key in recent) return
            recent.addLast(key)
            while (recent.size > 50) recent.removeFirst()
        }
        val app = applicationContext
        thread(name = "fanzha-sms-listener") { SmsReceiver.checkAndNotify(app, sender, text) }
    }
}
