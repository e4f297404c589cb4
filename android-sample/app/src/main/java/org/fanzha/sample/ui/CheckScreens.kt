package org.fanzha.sample.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.Modifier
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import androidx.lifecycle.compose.collectAsStateWithLifecycle
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import org.fanzha.CheckKind
import org.fanzha.sample.logic.Example
import org.fanzha.sample.logic.LinkCheckModel
import org.fanzha.sample.logic.ManualScript
import org.fanzha.sample.logic.MessageCheckModel
import org.fanzha.sample.logic.NumberCheckModel
import org.fanzha.sample.logic.UiLang
import org.fanzha.sample.logic.UiText

/**
 * Number: what the call screener and the SMS receiver ask about a caller or
 * sender, with the facts a dialer knows (in contacts, SMS vs call, repeated
 * calls). A check here counts as a call the SDK saw (its journey), like a
 * screened call would — a later mock transfer is judged with it.
 */
@Composable
fun NumberScreen(model: NumberCheckModel, examples: List<Example>, lang: UiLang) {
    val s by model.state.collectAsStateWithLifecycle()
    val scope = rememberCoroutineScope()
    Column(Modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(16.dp)) {
        ExamplesRow(ManualScript.forKind(examples, CheckKind.NUMBER), lang) { model.useExample(it); scope.launch(Dispatchers.Default) { model.check() } }
        OutlinedTextField(
            value = s.number,
            onValueChange = model::setNumber,
            label = { Text(UiText.get(lang, UiText.Key.NUMBER_HINT)) },
            keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Phone),
            singleLine = true,
            modifier = Modifier.fillMaxWidth(),
        )
        LabeledSwitch(UiText.get(lang, UiText.Key.IN_CONTACTS), s.inContacts, model::setInContacts)
        LabeledSwitch(UiText.get(lang, UiText.Key.AS_SMS_SENDER), s.asSms, model::setAsSms)
        OutlinedTextField(
            value = s.callsLastHour.toString(),
            onValueChange = { t -> model.setCallsLastHour(t.filter(Char::isDigit).take(2).toIntOrNull() ?: 0) },
            label = { Text(UiText.get(lang, UiText.Key.CALLS_LAST_HOUR)) },
            keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
            singleLine = true,
        )
        Button(onClick = { scope.launch(Dispatchers.Default) { model.check() } }, modifier = Modifier.padding(top = 8.dp)) {
            Text(UiText.get(lang, UiText.Key.CHECK))
        }
        ResultArea(s.result, lang)
    }
}

/** Link: a URL typed, picked from the script, or shared from another app (ACTION_SEND). */
@Composable
fun LinkScreen(model: LinkCheckModel, examples: List<Example>, lang: UiLang) {
    val s by model.state.collectAsStateWithLifecycle()
    val scope = rememberCoroutineScope()
    Column(Modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(16.dp)) {
        ExamplesRow(ManualScript.forKind(examples, CheckKind.LINK), lang) { model.useExample(it); scope.launch(Dispatchers.Default) { model.check() } }
        if (s.sharedWithoutLink) Text(UiText.get(lang, UiText.Key.NO_LINK_IN_SHARED))
        OutlinedTextField(
            value = s.url,
            onValueChange = model::setUrl,
            label = { Text(UiText.get(lang, UiText.Key.LINK_HINT)) },
            keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Uri),
            modifier = Modifier.fillMaxWidth(),
        )
        Button(onClick = { scope.launch(Dispatchers.Default) { model.check() } }, modifier = Modifier.padding(top = 8.dp)) {
            Text(UiText.get(lang, UiText.Key.CHECK))
        }
        ResultArea(s.result, lang)
    }
}

/** Message: an SMS body and its sender, with the links, numbers and codes found in it. */
@Composable
fun MessageScreen(model: MessageCheckModel, examples: List<Example>, lang: UiLang) {
    val s by model.state.collectAsStateWithLifecycle()
    val scope = rememberCoroutineScope()
    Column(Modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(16.dp)) {
        ExamplesRow(ManualScript.forKind(examples, CheckKind.MESSAGE), lang) { model.useExample(it); scope.launch(Dispatchers.Default) { model.check() } }
        OutlinedTextField(
            value = s.sender,
            onValueChange = model::setSender,
            label = { Text(UiText.get(lang, UiText.Key.SENDER_HINT)) },
            singleLine = true,
            modifier = Modifier.fillMaxWidth(),
        )
        OutlinedTextField(
            value = s.body,
            onValueChange = model::setBody,
            label = { Text(UiText.get(lang, UiText.Key.BODY_HINT)) },
            minLines = 4,
            modifier = Modifier.fillMaxWidth(),
        )
        Button(onClick = { scope.launch(Dispatchers.Default) { model.check() } }, modifier = Modifier.padding(top = 8.dp)) {
            Text(UiText.get(lang, UiText.Key.CHECK))
        }
        ResultArea(s.result, lang)
    }
}
