package org.fanzha.sample.ui

import android.Manifest
import android.app.role.RoleManager
import android.content.Context
import android.content.Intent
import android.net.Uri
import android.os.Build
import android.provider.Settings
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.FilterChip
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.fanzha.CheckKind
import org.fanzha.LogLevel
import org.fanzha.sample.GuardHolder
import org.fanzha.sample.Prefs
import org.fanzha.sample.logic.ReportsModel
import org.fanzha.sample.logic.RuleChoice
import org.fanzha.sample.logic.StatusModel
import org.fanzha.sample.logic.UiLang
import org.fanzha.sample.logic.UiText
import org.fanzha.sample.logic.id
import org.fanzha.setLogLevel
import java.text.DateFormat
import java.util.Date

/**
 * Reports: file a report (number, link or account, with a fraud type and
 * a note) into the SDK's encrypted queue, list it, mark uploaded, delete,
 * and export the queue as JSON through the system file picker (what a
 * reporting app would upload). The same form sets the user's own
 * block / trust rules, which the checks then honour.
 */
@Composable
fun ReportsScreen(model: ReportsModel, lang: UiLang) {
    val s by model.state.collectAsStateWithLifecycle()
    val context = LocalContext.current
    val scope = rememberCoroutineScope()
    fun t(k: UiText.Key) = UiText.get(lang, k)
    LaunchedEffect(Unit) { withContext(Dispatchers.Default) { model.refresh() } }
    val exportLauncher = rememberLauncherForActivityResult(ActivityResultContracts.CreateDocument("application/json")) { uri ->
        if (uri != null) {
            scope.launch(Dispatchers.IO) {
                val json = model.export(pendingOnly = false) ?: return@launch
                context.contentResolver.openOutputStream(uri)?.use { it.write(json.toByteArray()) }
            }
        }
    }
    Column(Modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(16.dp)) {
        Row(horizontalArrangement = Arrangement.spacedBy(4.dp)) {
            listOf(CheckKind.NUMBER, CheckKind.LINK, CheckKind.PAYMENT).forEach { k ->
                FilterChip(selected = s.form.kind == k, onClick = { model.edit { it.copy(kind = k) } }, label = { Text(k.id()) })
            }
        }
        OutlinedTextField(s.form.value, { v -> model.edit { it.copy(value = v) } }, label = { Text(t(UiText.Key.REPORT_VALUE)) }, singleLine = true, modifier = Modifier.fillMaxWidth())
        OutlinedTextField(s.form.note, { v -> model.edit { it.copy(note = v) } }, label = { Text(t(UiText.Key.REPORT_NOTE)) }, modifier = Modifier.fillMaxWidth())
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp), modifier = Modifier.padding(top = 8.dp)) {
            Button(onClick = { scope.launch(Dispatchers.Default) { model.file() } }) { Text(t(UiText.Key.FILE_REPORT)) }
            OutlinedButton(onClick = { scope.launch(Dispatchers.Default) { model.rule(RuleChoice.BLOCK) } }) { Text(t(UiText.Key.BLOCK_THIS)) }
            OutlinedButton(onClick = { scope.launch(Dispatchers.Default) { model.rule(RuleChoice.ALLOW) } }) { Text(t(UiText.Key.ALLOW_THIS)) }
        }
        s.message?.let { Text(it, modifier = Modifier.padding(top = 8.dp)) }
        HorizontalDivider(Modifier.padding(vertical = 12.dp))
        OutlinedButton(onClick = { exportLauncher.launch("fanzha-reports.json") }) { Text(t(UiText.Key.EXPORT_REPORTS)) }
        if (s.rows.isEmpty()) Text(t(UiText.Key.NO_REPORTS), modifier = Modifier.padding(top = 8.dp))
        s.rows.forEach { r ->
            Card(Modifier.fillMaxWidth().padding(top = 8.dp)) {
                Column(Modifier.padding(12.dp)) {
                    Text("${r.kind.id()}: ${r.value}", fontFamily = FontFamily.Monospace)
                    Text(
                        listOfNotNull(
                            r.fraudType?.let { UiText.fraudType(lang, it) },
                            r.note.ifEmpty { null },
                            DateFormat.getDateTimeInstance().format(Date(r.createdMs)),
                            t(if (r.uploadedMs == null) UiText.Key.PENDING else UiText.Key.UPLOADED),
                        ).joinToString(" · "),
                        style = MaterialTheme.typography.bodySmall,
                    )
                    Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                        if (r.uploadedMs == null) OutlinedButton(onClick = { scope.launch(Dispatchers.Default) { model.markUploaded(r.id) } }) { Text(t(UiText.Key.MARK_UPLOADED)) }
                        OutlinedButton(onClick = { scope.launch(Dispatchers.Default) { model.delete(r.id) } }) { Text(t(UiText.Key.DELETE)) }
                    }
                }
            }
        }
    }
}

/**
 * Status: the protection data the checks use (version, each feed's
 * freshness — an expired feed makes every verdict carry `feed.stale`),
 * "apply a feed file" through the Storage Access Framework, why the store
 * could not be opened if it could not, and the switches a tester needs:
 * the call-screening role, notification and SMS permissions, blocking on
 * or off, debug logs.
 */
@Composable
fun StatusScreen(model: StatusModel, lang: UiLang) {
    val s by model.state.collectAsStateWithLifecycle()
    val context = LocalContext.current
    val scope = rememberCoroutineScope()
    fun t(k: UiText.Key) = UiText.get(lang, k)
    LaunchedEffect(Unit) { withContext(Dispatchers.Default) { model.refresh() } }
    val pickFeed = rememberLauncherForActivityResult(ActivityResultContracts.OpenDocument()) { uri ->
        if (uri != null) {
            scope.launch(Dispatchers.IO) {
                // Bounded read, then the SDK verifies the signature against
                // the pinned keys before it writes anything.
                model.applyFeedFile { context.contentResolver.openInputStream(uri) }
            }
        }
    }
    var blocking by remember { mutableStateOf(Prefs.blockingEnabled(context)) }
    var debug by remember { mutableStateOf(Prefs.debugLogs(context)) }

    Column(Modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(16.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
        s.status?.let { st ->
            Text("${t(UiText.Key.FEED_VERSION)}: ${st.feedVersion}", fontWeight = FontWeight.SemiBold)
            Text(t(UiText.Key.FRESHNESS), style = MaterialTheme.typography.labelLarge)
            model.feedLines(st).forEach { Text(it) }
            if (st.stale) Text("⚠ ${UiText.get(lang, UiText.Key.FEED_STALE)}", color = MaterialTheme.colorScheme.error)
            st.storeProblem?.let { Text("⚠ store: $it", color = MaterialTheme.colorScheme.error) }
            st.storeEntries?.let { Text("store: $it entries · ${st.pendingReports ?: 0} pending reports", style = MaterialTheme.typography.bodySmall) }
        }
        GuardHolder.settingsProblem?.let { Text("⚠ settings: $it", color = MaterialTheme.colorScheme.error) }
        GuardHolder.storeProblem?.let { problem ->
            // The store could not be opened at all (wrong key after a restore,
            // Keystore key invalidated …): the embedded data protects meanwhile.
            Text("⚠ store: $problem", color = MaterialTheme.colorScheme.error)
            OutlinedButton(onClick = {
                scope.launch(Dispatchers.IO) {
                    GuardHolder.reset()
                    GuardHolder.storeFile(context).parentFile?.deleteRecursively()
                    org.fanzha.sample.KeystoreKeyProvider().delete()
                    GuardHolder.get(context)
                    // The screens hold the old (closed) guard: rebuild them.
                    withContext(Dispatchers.Main) { (context as? android.app.Activity)?.recreate() }
                }
            }) { Text(if (lang == UiLang.ZH) "重置本地防护数据（删除举报与规则）" else "Reset the protection store (deletes reports and rules)") }
        }
        // Feeds verify against the keys in assets/trusted-feed-keys.txt.
        if (GuardHolder.pinnedKeys == 0) {
            Text("⚠ ${t(UiText.Key.NO_PINNED_KEYS)}", color = MaterialTheme.colorScheme.error)
        } else {
            Text(UiText.format(lang, UiText.Key.PINNED_KEYS, GuardHolder.pinnedKeys), style = MaterialTheme.typography.bodySmall)
        }
        Button(onClick = { pickFeed.launch(arrayOf("*/*")) }, enabled = !s.applying) { Text(t(UiText.Key.APPLY_FEED)) }
        s.message?.let { Text(it) }
        // The SDK remembers recent calls, flagged messages/links and payment
        // attempts (the journey); clear it between manual test lines.
        OutlinedButton(onClick = { scope.launch(Dispatchers.Default) { GuardHolder.get(context).forgetJourney() } }) {
            Text(if (lang == UiLang.ZH) "清除近期记录（旅程）" else "Forget journey")
        }

        HorizontalDivider(Modifier.padding(vertical = 8.dp))
        PermissionButtons(context)
        LabeledSwitch(if (lang == UiLang.ZH) "拦截危险来电（关闭则仅静音并提醒）" else "Reject dangerous calls (off: silence and warn)", blocking) {
            blocking = it
            Prefs.setBlockingEnabled(context, it)
        }
        LabeledSwitch(if (lang == UiLang.ZH) "调试日志（Logcat）" else "Debug logs (Logcat)", debug) {
            debug = it
            Prefs.setDebugLogs(context, it)
            setLogLevel(if (it) LogLevel.DEBUG else LogLevel.INFO)
        }
    }
}

@Composable
private fun PermissionButtons(context: Context) {
    val permissions = rememberLauncherForActivityResult(ActivityResultContracts.RequestMultiplePermissions()) { }
    val role = rememberLauncherForActivityResult(ActivityResultContracts.StartActivityForResult()) { }
    val rm = context.getSystemService(RoleManager::class.java)
    val screening = rm?.isRoleHeld(RoleManager.ROLE_CALL_SCREENING) == true
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(if (screening) "✓ Call screening role" else "✗ Call screening role")
            if (!screening && rm?.isRoleAvailable(RoleManager.ROLE_CALL_SCREENING) == true) {
                OutlinedButton(onClick = { role.launch(rm.createRequestRoleIntent(RoleManager.ROLE_CALL_SCREENING)) }) { Text("Screen calls") }
            }
            OutlinedButton(onClick = {
                val wanted = buildList {
                    add(Manifest.permission.READ_PHONE_STATE)
                    add(Manifest.permission.RECEIVE_SMS)
                    if (Build.VERSION.SDK_INT >= 33) add(Manifest.permission.POST_NOTIFICATIONS)
                }
                permissions.launch(wanted.toTypedArray())
            }) { Text("Notifications, phone state, SMS") }
            OutlinedButton(onClick = {
                context.startActivity(Intent(Settings.ACTION_NOTIFICATION_LISTENER_SETTINGS).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK))
            }) { Text("Notification access (SMS without RECEIVE_SMS)") }
            OutlinedButton(onClick = {
                // Android 13+ blocks notification access (and, from Android 15,
                // more sensitive permissions) for apps installed from an APK file
                // until App info → ⋮ → "Allow restricted settings".
                context.startActivity(Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", context.packageName, null)).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK))
            }) { Text("App info") }
        }
    }
}
