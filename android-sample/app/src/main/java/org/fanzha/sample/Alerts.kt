package org.fanzha.sample

import android.Manifest
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.os.Build
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import org.fanzha.sample.logic.Alert
import org.fanzha.sample.logic.AlertChannel
import org.fanzha.sample.logic.AlertPriority
import org.fanzha.sample.logic.UiText
import java.util.concurrent.atomic.AtomicInteger

/**
 * Draws the [Alert]s that [org.fanzha.sample.logic.Policy] decides on.
 * Importance is per channel on Android 8+, so each (kind, priority) pair
 * has its own channel. On the lock screen only the heading shows
 * (VISIBILITY_PRIVATE with a public version): the number and the advice
 * appear once the phone is unlocked.
 */
object Alerts {
    private val ids = AtomicInteger(1000)

    private fun channelId(a: AlertChannel, p: AlertPriority) = "${a.name.lowercase()}.${p.name.lowercase()}"

    fun createChannels(context: Context) {
        val nm = context.getSystemService(NotificationManager::class.java) ?: return
        val lang = GuardHolder.lang
        for (a in AlertChannel.values()) for (p in AlertPriority.values()) {
            val base = UiText.get(lang, if (a == AlertChannel.CALLS) UiText.Key.CHANNEL_CALLS else UiText.Key.CHANNEL_MESSAGES)
            val importance = when (p) {
                AlertPriority.HIGH -> NotificationManager.IMPORTANCE_HIGH
                AlertPriority.DEFAULT -> NotificationManager.IMPORTANCE_DEFAULT
                AlertPriority.LOW -> NotificationManager.IMPORTANCE_LOW
            }
            nm.createNotificationChannel(NotificationChannel(channelId(a, p), "$base (${p.name.lowercase()})", importance))
        }
    }

    /**
     * Posts `alert`; tapping it opens the app on the screen for `kind`
     * with `input` filled in (so a tester can see the whole verdict).
     * Silently does nothing without the notification permission.
     */
    fun post(context: Context, alert: Alert, kind: String, input: String?) {
        if (Build.VERSION.SDK_INT >= 33 &&
            ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED
        ) {
            return
        }
        val open = Intent(context, MainActivity::class.java)
            .setAction(MainActivity.ACTION_SHOW)
            .putExtra(MainActivity.EXTRA_KIND, kind)
            .putExtra(MainActivity.EXTRA_INPUT, input)
            .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_CLEAR_TOP)
        val id = ids.incrementAndGet()
        val pending = PendingIntent.getActivity(context, id, open, PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT)
        val heading = alert.title.substringBefore(" · ")
        val public = NotificationCompat.Builder(context, channelId(alert.channel, alert.priority))
            .setSmallIcon(android.R.drawable.stat_sys_warning)
            .setContentTitle(heading)
            .build()
        val n = NotificationCompat.Builder(context, channelId(alert.channel, alert.priority))
            .setSmallIcon(if (alert.priority == AlertPriority.LOW) android.R.drawable.ic_dialog_info else android.R.drawable.stat_sys_warning)
            .setContentTitle(alert.title)
            .setContentText(alert.text)
            .setStyle(NotificationCompat.BigTextStyle().bigText(alert.bigText))
            .setCategory(if (alert.channel == AlertChannel.CALLS) NotificationCompat.CATEGORY_CALL else NotificationCompat.CATEGORY_MESSAGE)
            .setPriority(
                when (alert.priority) {
                    AlertPriority.HIGH -> NotificationCompat.PRIORITY_HIGH
                    AlertPriority.DEFAULT -> NotificationCompat.PRIORITY_DEFAULT
                    AlertPriority.LOW -> NotificationCompat.PRIORITY_LOW
                },
            )
            .setVisibility(NotificationCompat.VISIBILITY_PRIVATE)
            .setPublicVersion(public)
            .setContentIntent(pending)
            .setAutoCancel(true)
            .build()
        try {
            NotificationManagerCompat.from(context).notify(id, n)
        } catch (e: SecurityException) {
            // Permission revoked between the check and the post.
        }
    }
}
