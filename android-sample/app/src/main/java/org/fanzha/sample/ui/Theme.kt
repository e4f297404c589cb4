package org.fanzha.sample.ui

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color
import org.fanzha.sample.logic.Tone

@Composable
fun SampleTheme(content: @Composable () -> Unit) {
    MaterialTheme(colorScheme = lightColorScheme(), content = content)
}

/** Container and content colours for a verdict's tone. "Clear" is grey, never green. */
fun Tone.container(): Color = when (this) {
    Tone.TRUSTED -> Color(0xFFE3F4E6)
    Tone.CLEAR -> Color(0xFFEFEFEF)
    Tone.CAUTION -> Color(0xFFFFF1D6)
    Tone.DANGER -> Color(0xFFFDE2E1)
}

fun Tone.accent(): Color = when (this) {
    Tone.TRUSTED -> Color(0xFF1B7A32)
    Tone.CLEAR -> Color(0xFF555555)
    Tone.CAUTION -> Color(0xFF9A5B00)
    Tone.DANGER -> Color(0xFFB3261E)
}
