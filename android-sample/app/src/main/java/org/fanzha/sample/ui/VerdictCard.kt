package org.fanzha.sample.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.font.FontFamily
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.unit.dp
import org.fanzha.sample.logic.CheckResult
import org.fanzha.sample.logic.Tone
import org.fanzha.sample.logic.UiLang
import org.fanzha.sample.logic.UiText
import org.fanzha.sample.logic.VerdictView

/** The answer area every check screen shares. */
@Composable
fun ResultArea(result: CheckResult, lang: UiLang) {
    when (result) {
        CheckResult.Idle -> {}
        is CheckResult.Failed -> Text(result.message, color = MaterialTheme.colorScheme.error, modifier = Modifier.padding(top = 12.dp))
        is CheckResult.Done -> {
            result.example?.let { e ->
                val ok = result.mismatch == null
                Text(
                    text = if (ok) {
                        "✓ ${UiText.get(lang, UiText.Key.AS_EXPECTED)}"
                    } else {
                        "✗ ${UiText.get(lang, UiText.Key.NOT_AS_EXPECTED)}: ${result.mismatch}"
                    },
                    color = if (ok) Tone.TRUSTED.accent() else MaterialTheme.colorScheme.error,
                    modifier = Modifier.padding(top = 12.dp),
                )
                if (e.note.isNotEmpty()) Text(e.note, style = MaterialTheme.typography.bodySmall)
            }
            VerdictCard(result.view, lang)
        }
    }
}

@Composable
fun VerdictCard(view: VerdictView, lang: UiLang, modifier: Modifier = Modifier) {
    Card(
        colors = CardDefaults.cardColors(containerColor = view.tone.container()),
        modifier = modifier.fillMaxWidth().padding(top = 12.dp),
    ) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            view.protectionNotice?.let {
                Text("⚠ $it", color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodyMedium)
            }
            Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                Text(view.badge, color = view.tone.accent(), fontWeight = FontWeight.Bold)
                Text("· ${view.actionLabel}", color = view.tone.accent())
                Text("· ${UiText.get(lang, UiText.Key.SCORE)} ${view.score}", color = view.tone.accent())
            }
            Text(view.title, style = MaterialTheme.typography.titleMedium)
            view.fraudTypeLabel?.let { Text("${it} (${view.fraudTypeId})", style = MaterialTheme.typography.bodySmall) }
            view.normalized?.let { Text("${UiText.get(lang, UiText.Key.NORMALIZED)}: $it", fontFamily = FontFamily.Monospace, style = MaterialTheme.typography.bodySmall) }
            if (view.advice.isNotEmpty()) {
                HorizontalDivider()
                Text(UiText.get(lang, UiText.Key.WHAT_TO_DO), fontWeight = FontWeight.SemiBold)
                view.advice.forEach { Text("• $it") }
            }
            if (view.items.isNotEmpty()) {
                HorizontalDivider()
                Text(UiText.get(lang, UiText.Key.FOUND_IN_MESSAGE), fontWeight = FontWeight.SemiBold)
                view.items.forEach { item ->
                    Text(
                        "${item.kind}: ${item.value}" + (item.badge?.let { " — $it" } ?: "") + (item.title?.let { " · $it" } ?: ""),
                        color = item.tone?.accent() ?: MaterialTheme.colorScheme.onSurface,
                        style = MaterialTheme.typography.bodySmall,
                    )
                }
            }
            if (view.reasons.isNotEmpty()) {
                HorizontalDivider()
                Text(UiText.get(lang, UiText.Key.WHY), fontWeight = FontWeight.SemiBold)
                view.reasons.forEach { r ->
                    Text("${r.code} (${if (r.weight >= 0) "+" else ""}${r.weight})", fontFamily = FontFamily.Monospace, style = MaterialTheme.typography.bodySmall)
                    Text(r.detail, style = MaterialTheme.typography.bodySmall)
                }
            }
            Text("${UiText.get(lang, UiText.Key.PROTECTION_DATA)}: ${view.feedVersion}", style = MaterialTheme.typography.labelSmall)
        }
    }
}
