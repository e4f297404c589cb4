package org.fanzha.sample

import android.content.Context
import android.content.Intent
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.Scaffold
import androidx.compose.material3.ScrollableTabRow
import androidx.compose.material3.Tab
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableIntStateOf
import androidx.compose.runtime.produceState
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.withContext
import org.fanzha.Guard
import org.fanzha.sample.logic.Example
import org.fanzha.sample.logic.GuardPayments
import org.fanzha.sample.logic.GuardReports
import org.fanzha.sample.logic.GuardStatus
import org.fanzha.sample.logic.LinkCheckModel
import org.fanzha.sample.logic.ManualScript
import org.fanzha.sample.logic.MessageCheckModel
import org.fanzha.sample.logic.NumberCheckModel
import org.fanzha.sample.logic.ReportsModel
import org.fanzha.sample.logic.StatusModel
import org.fanzha.sample.logic.TransferModel
import org.fanzha.sample.logic.UiText
import org.fanzha.sample.ui.LinkScreen
import org.fanzha.sample.ui.MessageScreen
import org.fanzha.sample.ui.NumberScreen
import org.fanzha.sample.ui.ReportsScreen
import org.fanzha.sample.ui.SampleTheme
import org.fanzha.sample.ui.StatusScreen
import org.fanzha.sample.ui.TransferScreen

/**
 * Six tabs: Number, Link, Message, Transfer, Reports, Status. Also the
 * share target (ACTION_SEND text/plain → Link tab, first link checked at
 * once) and where warning notifications lead (ACTION_SHOW → the tab of
 * the check, input filled in).
 */
class MainActivity : ComponentActivity() {
    /** Intents not yet handled (the screens pick them up once the guard is open). */
    private val pending = MutableStateFlow<Intent?>(null)

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        enableEdgeToEdge()
        pending.value = intent
        setContent { SampleTheme { App(applicationContext, pending) } }
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        pending.value = intent
    }

    companion object {
        const val ACTION_SHOW = "org.fanzha.sample.SHOW"
        const val EXTRA_KIND = "kind"
        const val EXTRA_INPUT = "input"
    }
}

private enum class TabId(val key: UiText.Key) {
    NUMBER(UiText.Key.TAB_NUMBER),
    LINK(UiText.Key.TAB_LINK),
    MESSAGE(UiText.Key.TAB_MESSAGE),
    TRANSFER(UiText.Key.TAB_TRANSFER),
    REPORTS(UiText.Key.TAB_REPORTS),
    STATUS(UiText.Key.TAB_STATUS),
}

/** The screens' state holders, created once per guard. */
private class Models(guard: Guard, val examples: List<Example>) {
    private val lang = GuardHolder.lang
    val number = NumberCheckModel(guard, lang)
    val link = LinkCheckModel(guard, lang)
    val message = MessageCheckModel(guard, lang)
    val transfer = TransferModel(GuardPayments(guard), lang)
    val reports = ReportsModel(GuardReports(guard), lang)
    val status = StatusModel(GuardStatus(guard), lang)
}

@Composable
private fun App(context: Context, pending: MutableStateFlow<Intent?>) {
    val lang = GuardHolder.lang
    val models by produceState<Models?>(null) {
        value = withContext(Dispatchers.IO) {
            val examples = try {
                context.assets.open(ManualScript.FILE_NAME).bufferedReader().use { ManualScript.parse(it.readText()) }
            } catch (e: Exception) {
                emptyList()
            }
            Models(GuardHolder.get(context), examples)
        }
    }
    var tab by remember { mutableIntStateOf(0) }
    val m = models
    val intent by pending.collectAsState()
    // Handle a share or a notification tap once the guard is open.
    LaunchedEffect(m, intent) {
        val i = intent ?: return@LaunchedEffect
        if (m == null) return@LaunchedEffect
        pending.value = null
        when {
            i.action == Intent.ACTION_SEND && i.type == "text/plain" -> {
                tab = TabId.LINK.ordinal
                val text = i.getStringExtra(Intent.EXTRA_TEXT)
                withContext(Dispatchers.Default) { m.link.onShared(text) }
            }
            i.action == MainActivity.ACTION_SHOW -> {
                val input = i.getStringExtra(MainActivity.EXTRA_INPUT)
                when (i.getStringExtra(MainActivity.EXTRA_KIND)) {
                    "number" -> {
                        tab = TabId.NUMBER.ordinal
                        if (input != null) {
                            m.number.setNumber(input)
                            withContext(Dispatchers.Default) { m.number.check() }
                        }
                    }
                    "message" -> tab = TabId.MESSAGE.ordinal
                }
            }
        }
    }
    Scaffold { padding ->
        Column(Modifier.padding(padding).fillMaxSize()) {
            ScrollableTabRow(selectedTabIndex = tab) {
                TabId.values().forEach { t ->
                    Tab(selected = tab == t.ordinal, onClick = { tab = t.ordinal }, text = { Text(UiText.get(lang, t.key)) })
                }
            }
            if (m == null) {
                Box(Modifier.fillMaxSize(), contentAlignment = Alignment.Center) { CircularProgressIndicator() }
            } else {
                when (TabId.values()[tab]) {
                    TabId.NUMBER -> NumberScreen(m.number, m.examples, lang)
                    TabId.LINK -> LinkScreen(m.link, m.examples, lang)
                    TabId.MESSAGE -> MessageScreen(m.message, m.examples, lang)
                    TabId.TRANSFER -> TransferScreen(m.transfer, m.examples, lang)
                    TabId.REPORTS -> ReportsScreen(m.reports, lang)
                    TabId.STATUS -> StatusScreen(m.status, lang)
                }
            }
        }
    }
}
