package org.fanzha.sample.ui

import android.content.Intent
import android.net.Uri
import androidx.compose.foundation.horizontalScroll
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableLongStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import org.fanzha.CheckKind
import org.fanzha.NameCheckResult
import org.fanzha.sample.device.LiveContextReader
import org.fanzha.sample.logic.ConfirmBlocker
import org.fanzha.sample.logic.Example
import org.fanzha.sample.logic.ManualScript
import org.fanzha.sample.logic.Money
import org.fanzha.sample.logic.PayeeKind
import org.fanzha.sample.logic.TransferModel
import org.fanzha.sample.logic.TransferStage
import org.fanzha.sample.logic.UiLang
import org.fanzha.sample.logic.UiText

/**
 * The mock bank transfer: what a bank app does inside its transfer flow.
 * The payment check gets the form plus the live context (call state,
 * screen sharing, accessibility — read by [LiveContextReader], with manual
 * switches for testing), and the screen enforces the verdict: block stops
 * it, warn needs "I understand", confirm asks the verdict's questions and
 * holds the button for the cool-off. Nothing is sent anywhere.
 */
@Composable
fun TransferScreen(model: TransferModel, examples: List<Example>, lang: UiLang) {
    val context = LocalContext.current
    val reader = remember(context) { LiveContextReader(context) }
    DisposableEffect(reader) {
        reader.start()
        onDispose { reader.stop() }
    }
    val live by reader.state.collectAsStateWithLifecycle()
    val s by model.state.collectAsStateWithLifecycle()
    val scope = rememberCoroutineScope()
    fun t(k: UiText.Key) = UiText.get(lang, k)

    Column(Modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(16.dp)) {
        ExamplesRow(ManualScript.forKind(examples, CheckKind.PAYMENT), lang) { model.useExample(it) }

        val editing = s.stage == TransferStage.Editing || s.stage is TransferStage.Invalid
        val f = s.form
        OutlinedTextField(f.account, { v -> model.edit { it.copy(account = v) } }, label = { Text(t(UiText.Key.PAYEE_ACCOUNT)) }, enabled = editing, singleLine = true, modifier = Modifier.fillMaxWidth())
        Text(t(UiText.Key.ACCOUNT_KIND), style = MaterialTheme.typography.labelLarge, modifier = Modifier.padding(top = 8.dp))
        Row(horizontalArrangement = Arrangement.spacedBy(4.dp)) {
            PayeeKind.values().forEach { k ->
                FilterChip(selected = f.kind == k, onClick = { model.edit { it.copy(kind = k) } }, label = { Text(k.name.lowercase()) }, enabled = editing)
            }
        }
        OutlinedTextField(f.payeeName, { v -> model.edit { it.copy(payeeName = v) } }, label = { Text(t(UiText.Key.PAYEE_NAME)) }, enabled = editing, singleLine = true, modifier = Modifier.fillMaxWidth())
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            OutlinedTextField(
                f.amount, { v -> model.edit { it.copy(amount = v) } }, label = { Text(t(UiText.Key.AMOUNT)) }, enabled = editing, singleLine = true,
                keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Decimal), modifier = Modifier.weight(2f),
            )
            OutlinedTextField(f.currency, { v -> model.edit { it.copy(currency = v.take(3)) } }, label = { Text(t(UiText.Key.CURRENCY)) }, enabled = editing, singleLine = true, modifier = Modifier.weight(1f))
        }
        OutlinedTextField(f.memo, { v -> model.edit { it.copy(memo = v) } }, label = { Text(t(UiText.Key.MEMO)) }, enabled = editing, modifier = Modifier.fillMaxWidth())
        LabeledSwitch(t(UiText.Key.NEW_PAYEE), f.newPayee == true) { b -> model.edit { it.copy(newPayee = b) } }
        // Confirmation of Payee: the bank's back end returns one of these.
        Text(t(UiText.Key.NAME_CHECK), style = MaterialTheme.typography.labelLarge, modifier = Modifier.padding(top = 8.dp))
        Row(Modifier.horizontalScroll(rememberScrollState()), horizontalArrangement = Arrangement.spacedBy(4.dp)) {
            FilterChip(selected = f.nameCheck == null, onClick = { model.edit { it.copy(nameCheck = null) } }, label = { Text(t(UiText.Key.NAME_CHECK_NONE)) }, enabled = editing)
            NameCheckResult.values().forEach { r ->
                FilterChip(selected = f.nameCheck == r, onClick = { model.edit { it.copy(nameCheck = r) } }, label = { Text(r.name.lowercase()) }, enabled = editing)
            }
        }
        if (f.nameCheck == NameCheckResult.CLOSE_MATCH) {
            OutlinedTextField(f.nameReturned, { v -> model.edit { it.copy(nameReturned = v) } }, label = { Text(t(UiText.Key.NAME_RETURNED)) }, enabled = editing, singleLine = true, modifier = Modifier.fillMaxWidth())
        }

        Card(Modifier.fillMaxWidth().padding(top = 8.dp)) {
            Column(Modifier.padding(12.dp)) {
                Text(t(UiText.Key.LIVE_CONTEXT), fontWeight = FontWeight.SemiBold)
                Text(
                    buildString {
                        append(if (live.inCall) "📞 ${live.callNumber ?: "?"} (${live.callSeconds}s)" else "📞 —")
                        if (live.screenSharing) append(" · 🖥 ${t(UiText.Key.SCREEN_SHARING)}")
                        if (live.accessibilityService) append(" · ♿ ${t(UiText.Key.ACCESSIBILITY)}")
                    },
                    style = MaterialTheme.typography.bodySmall,
                )
                val m = f.manual
                LabeledSwitch(t(UiText.Key.ON_A_CALL), m.inCall) { b -> model.edit { it.copy(manual = it.manual.copy(inCall = b)) } }
                if (m.inCall) {
                    OutlinedTextField(m.callNumber ?: "", { v -> model.edit { it.copy(manual = it.manual.copy(callNumber = v)) } }, label = { Text(t(UiText.Key.CALLER_NUMBER)) }, singleLine = true, modifier = Modifier.fillMaxWidth())
                }
                LabeledSwitch(t(UiText.Key.SCREEN_SHARING), m.screenSharing) { b -> model.edit { it.copy(manual = it.manual.copy(screenSharing = b)) } }
                LabeledSwitch(t(UiText.Key.REMOTE_ACCESS), m.remoteAccess) { b -> model.edit { it.copy(manual = it.manual.copy(remoteAccess = b)) } }
                LabeledSwitch(t(UiText.Key.ACCESSIBILITY), m.accessibilityService) { b -> model.edit { it.copy(manual = it.manual.copy(accessibilityService = b)) } }
            }
        }

        if (editing) {
            Button(onClick = { reader.refresh(); val now = reader.state.value; scope.launch(Dispatchers.Default) { model.review(now) } }, modifier = Modifier.padding(top = 8.dp)) {
                Text(t(UiText.Key.REVIEW_TRANSFER))
            }
        }
        when (val st = s.stage) {
            is TransferStage.Invalid -> Text(st.problem, color = MaterialTheme.colorScheme.error)
            is TransferStage.Reviewing -> Review(model, st, lang)
            is TransferStage.Stopped -> {
                VerdictCard(st.view, lang)
                Text(t(UiText.Key.TRANSFER_BLOCKED), color = MaterialTheme.colorScheme.error, fontWeight = FontWeight.Bold)
                // Both record the person's decision in the bank's audit log.
                OutlinedButton(onClick = {
                    model.askForHelp()
                    context.startActivity(Intent(Intent.ACTION_DIAL, Uri.parse("tel:96110")))
                }) { Text(t(UiText.Key.CALL_96110)) }
                OutlinedButton(onClick = model::cancel) { Text("←") }
            }
            is TransferStage.Sent -> {
                Text("${t(UiText.Key.TRANSFER_SENT)}: ${Money.format(st.draft.amountMinor, st.draft.currency)}", fontWeight = FontWeight.Bold)
                OutlinedButton(onClick = model::backToForm) { Text("←") }
            }
            TransferStage.Cancelled -> {
                Text(t(UiText.Key.TRANSFER_CANCELLED))
                OutlinedButton(onClick = model::backToForm) { Text("←") }
            }
            is TransferStage.Failed -> {
                Text(st.message, color = MaterialTheme.colorScheme.error)
                OutlinedButton(onClick = model::backToForm) { Text("←") }
            }
            TransferStage.Editing -> {}
        }
    }
}

@Composable
private fun Review(model: TransferModel, r: TransferStage.Reviewing, lang: UiLang) {
    fun t(k: UiText.Key) = UiText.get(lang, k)
    val scope = rememberCoroutineScope()
    // Tick once a second while a cool-off runs.
    var now by remember { mutableLongStateOf(System.currentTimeMillis()) }
    LaunchedEffect(r.coolOffStartMs, r.coolOffSeconds) {
        while (TransferModel.remaining(r, now) > 0) {
            delay(1000)
            now = System.currentTimeMillis()
        }
    }
    val blockers = TransferModel.blockersOf(r, now)

    Text(Money.format(r.draft.amountMinor, r.draft.currency), style = MaterialTheme.typography.titleLarge, modifier = Modifier.padding(top = 8.dp))
    VerdictCard(r.view, lang)
    if (r.verdict.questions.isNotEmpty()) {
        Text(t(UiText.Key.ANSWER_QUESTIONS), fontWeight = FontWeight.SemiBold, modifier = Modifier.padding(top = 8.dp))
        r.verdict.questions.forEach { q ->
            Text(q.text, modifier = Modifier.padding(top = 4.dp))
            Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                val a = r.answers[q.id]
                FilterChip(selected = a == true, onClick = { scope.launch(Dispatchers.Default) { model.answer(q.id, true) } }, label = { Text(t(UiText.Key.YES)) })
                FilterChip(selected = a == false, onClick = { scope.launch(Dispatchers.Default) { model.answer(q.id, false) } }, label = { Text(t(UiText.Key.NO)) })
            }
        }
    }
    if (blockers.any { it is ConfirmBlocker.NeedsAcknowledgement } || r.acknowledged) {
        Row(verticalAlignment = Alignment.CenterVertically) {
            Checkbox(checked = r.acknowledged, onCheckedChange = model::acknowledge)
            Text(t(UiText.Key.I_UNDERSTAND))
        }
    }
    blockers.filterIsInstance<ConfirmBlocker.CoolingOff>().firstOrNull()?.let {
        Text(UiText.format(lang, UiText.Key.WAIT_SECONDS, it.secondsLeft), color = MaterialTheme.colorScheme.error)
    }
    Row(horizontalArrangement = Arrangement.spacedBy(8.dp), modifier = Modifier.padding(top = 8.dp)) {
        Button(onClick = { scope.launch(Dispatchers.Default) { model.confirm() } }, enabled = blockers.isEmpty()) { Text(t(UiText.Key.CONFIRM_TRANSFER)) }
        OutlinedButton(onClick = model::cancel) { Text(t(UiText.Key.CANCEL_TRANSFER)) }
    }
    // Recorded as `asked_for_help` in the bank's audit log.
    TextButton(onClick = model::askForHelp) { Text(t(UiText.Key.ASK_FOR_HELP)) }
}
