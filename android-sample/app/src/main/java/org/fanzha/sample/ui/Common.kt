package org.fanzha.sample.ui

import androidx.compose.foundation.horizontalScroll
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.SuggestionChip
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import org.fanzha.sample.logic.Example
import org.fanzha.sample.logic.UiLang
import org.fanzha.sample.logic.UiText
import org.fanzha.sample.logic.id

/** "Try these": the manual test script's lines for this screen, as chips. */
@Composable
fun ExamplesRow(examples: List<Example>, lang: UiLang, onPick: (Example) -> Unit) {
    if (examples.isEmpty()) return
    Column(Modifier.fillMaxWidth().padding(vertical = 8.dp)) {
        Text(UiText.get(lang, UiText.Key.EXAMPLES), style = MaterialTheme.typography.labelLarge)
        Row(Modifier.horizontalScroll(rememberScrollState()), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            examples.forEach { e ->
                val label = e.input.lineSequence().first().take(24) + (e.expectLevel?.let { " → ${it.id()}" } ?: "")
                SuggestionChip(onClick = { onPick(e) }, label = { Text(label) })
            }
        }
    }
}

@Composable
fun LabeledSwitch(label: String, checked: Boolean, onChange: (Boolean) -> Unit) {
    Row(Modifier.fillMaxWidth().padding(vertical = 2.dp), verticalAlignment = Alignment.CenterVertically) {
        Text(label, modifier = Modifier.weight(1f))
        Switch(checked = checked, onCheckedChange = onChange)
    }
}
