import { render } from 'preact';
import { Popup } from './Popup';
import '../shared/ui.css';
import './popup.css';

const root = document.getElementById('app');
if (root) render(<Popup />, root);
